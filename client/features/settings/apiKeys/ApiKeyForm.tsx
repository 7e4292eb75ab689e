import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateApiKey } from '#client/api/apiKeys';
import { useFormErrors } from '#client/features/settings/formErrors';
import { AdminForm, FormFooter } from '#client/features/settings/AdminForm';
import { NameField, UrlField } from '#client/features/settings/FormParts';

/** Name a new key and, optionally, the URL Braid posts agents' replies to. */
export function ApiKeyForm({ onCreated }: { onCreated(name: string, secret: string): void }) {
  const { t } = useTranslation();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [callbackUrl, setCallbackUrl] = useState('');
  const errors = useFormErrors(create.error, ['name', 'callbackUrl']);
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
    <AdminForm title={t('admin.apiKeys.createTitle')} onSubmit={submit}>
      <div className="form-row">
        <NameField label={t('admin.apiKeys.name')} error={errors.fields.name} value={name} onChange={setName} />
        <UrlField
          label={t('admin.apiKeys.callbackUrl')}
          hint={t('admin.apiKeys.callbackHint')}
          error={errors.fields.callbackUrl}
          value={callbackUrl}
          onChange={setCallbackUrl}
        />
      </div>
      <FormFooter error={errors.summary} busy={create.isPending} submitLabel={t('admin.apiKeys.create')} />
    </AdminForm>
  );
}
