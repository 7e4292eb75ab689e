import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_EVENTS, type WebhookEvent } from '#shared/schemas/webhooks';
import { useCreateWebhookEndpoint } from '#client/api/webhooks';
import { useFormErrors } from '#client/features/settings/formErrors';
import { AdminForm, FormFooter } from '#client/features/settings/AdminForm';
import { CheckboxGroup, UrlField } from '#client/features/settings/FormParts';

/** Register a URL for some events; the secret comes back once. */
export function WebhookForm({ onCreated }: { onCreated(url: string, secret: string): void }) {
  const { t } = useTranslation();
  const create = useCreateWebhookEndpoint();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const errors = useFormErrors(create.error, ['url', 'events']);
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
    <AdminForm title={t('webhooks.createTitle')} onSubmit={submit}>
      <div className="form-row">
        <UrlField
          label={t('webhooks.url')}
          hint={t('webhooks.urlHint')}
          error={errors.fields.url}
          required
          value={url}
          onChange={setUrl}
        />
      </div>
      <CheckboxGroup
        legend={t('webhooks.events')}
        options={WEBHOOK_EVENTS.map((v) => ({ value: v, label: t(`webhooks.event.${v}`) }))}
        value={events}
        onChange={setEvents}
        error={errors.fields.events}
      />
      <FormFooter
        error={errors.summary}
        busy={create.isPending || events.length === 0}
        submitLabel={t('webhooks.create')}
      />
    </AdminForm>
  );
}
