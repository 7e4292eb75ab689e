import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateApiKey } from '#client/api/apiKeys';
import { useFormErrors } from '#client/features/settings/formErrors';
import { Field } from '#client/features/settings/FormParts';

/** Name a new key and, optionally, the URL Braid posts agents' replies to. */
export function ApiKeyForm({ onCreated }: { onCreated(name: string, secret: string): void }) {
  const { t } = useTranslation();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [callbackUrl, setCallbackUrl] = useState('');
  const errors = useFormErrors(create.error, ['name', 'callbackUrl']);
  const titleId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), callbackUrl: callbackUrl.trim() || null },
      {
        onSuccess: ({ key, secret }) => {
          // Keep the secret only in the screen's state, not in the mutation cache.
          create.reset();
          setName('');
          setCallbackUrl('');
          onCreated(key.name, secret);
        },
      },
    );
  };
  return (
    <form className="admin-form" aria-labelledby={titleId} onSubmit={submit}>
      <h2 id={titleId} className="form-title">
        {t('admin.apiKeys.createTitle')}
      </h2>
      <div className="form-row">
        <Field label={t('admin.apiKeys.name')} error={errors.fields.name}>
          {(a) => <input {...a} required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field
          label={t('admin.apiKeys.callbackUrl')}
          hint={t('admin.apiKeys.callbackHint')}
          error={errors.fields.callbackUrl}
          className="wide"
        >
          {(a) => (
            <input
              {...a}
              type="url"
              maxLength={2000}
              placeholder="https://"
              value={callbackUrl}
              onChange={(e) => setCallbackUrl(e.target.value)}
            />
          )}
        </Field>
      </div>
      {errors.summary && (
        <p className="error small" role="alert">
          {errors.summary}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('admin.apiKeys.create')}
        </button>
      </div>
    </form>
  );
}
