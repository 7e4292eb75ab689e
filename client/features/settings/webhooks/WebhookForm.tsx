import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_EVENTS, type WebhookEvent } from '#shared/schemas/webhooks';
import { useCreateWebhookEndpoint } from '#client/api/webhooks';
import { useFormErrors } from '#client/features/settings/formErrors';
import { CheckboxGroup, Field } from '#client/features/settings/FormParts';

/** Register a URL for some events; the secret comes back once. */
export function WebhookForm({ onCreated }: { onCreated(url: string, secret: string): void }) {
  const { t } = useTranslation();
  const create = useCreateWebhookEndpoint();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const errors = useFormErrors(create.error, ['url', 'events']);
  const titleId = useId();
  // The secret stays only in the screen's state, not in the mutation cache.
  const created = (r: { endpoint: { url: string }; secret: string }) => {
    create.reset();
    setUrl('');
    onCreated(r.endpoint.url, r.secret);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ url: url.trim(), events }, { onSuccess: created });
  };
  return (
    <form className="admin-form" aria-labelledby={titleId} onSubmit={submit}>
      <h2 id={titleId} className="form-title">
        {t('webhooks.createTitle')}
      </h2>
      <div className="form-row">
        <Field label={t('webhooks.url')} hint={t('webhooks.urlHint')} error={errors.fields.url} className="wide">
          {(a) => (
            <input
              {...a}
              type="url"
              required
              maxLength={2000}
              placeholder="https://"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
        </Field>
      </div>
      <CheckboxGroup
        legend={t('webhooks.events')}
        options={WEBHOOK_EVENTS.map((v) => ({ value: v, label: t(`webhooks.event.${v}`) }))}
        value={events}
        onChange={setEvents}
        error={errors.fields.events}
      />
      {errors.summary && (
        <p className="error small" role="alert">
          {errors.summary}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={create.isPending || events.length === 0}>
          {t('webhooks.create')}
        </button>
      </div>
    </form>
  );
}
