import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '#shared/schemas/customer';
import { browserTimeZones } from '#client/i18n/format';

const LANGUAGES = ['en', 'th', 'pl', 'zh'];

/** Edit a customer's name, language, time zone and tier (drive automatic messages, local time and SLA policy). */
export function ProfileEditor({
  customer,
  busy,
  onSave,
}: {
  customer: Customer;
  busy: boolean;
  onSave(p: { name: string; language: string | null; timeZone: string | null; tier: string | null }): void;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(customer.name);
  const [language, setLanguage] = useState(customer.language ?? '');
  const [zone, setZone] = useState(customer.timeZone ?? '');
  const [tier, setTier] = useState(customer.tier ?? '');
  const listId = useId();
  const allZones = useMemo(() => (open ? browserTimeZones() : []), [open]);
  const langName = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'language' }), [i18n.language]);
  const zoneOk = zone === '' || allZones.length === 0 || allZones.includes(zone);
  if (!open) {
    return (
      <button
        type="button"
        className="link small"
        onClick={() => {
          setName(customer.name);
          setLanguage(customer.language ?? '');
          setZone(customer.timeZone ?? '');
          setTier(customer.tier ?? '');
          setOpen(true);
        }}
      >
        {t('customer.editProfile')}
      </button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || !zoneOk) return;
    onSave({ name: name.trim(), language: language || null, timeZone: zone || null, tier: tier.trim() || null });
    setOpen(false);
  };
  return (
    <form className="profile-editor small" onSubmit={submit}>
      <label>
        {t('customer.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </label>
      <label>
        {t('customer.language')}
        <select value={language} onChange={(e) => setLanguage(e.target.value)}>
          <option value="">{t('customer.unknown')}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {langName.of(l) ?? l}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('customer.timeZone')}
        <input
          value={zone}
          list={listId}
          onChange={(e) => setZone(e.target.value)}
          placeholder="Europe/Warsaw"
          aria-invalid={!zoneOk}
        />
        <datalist id={listId}>
          {allZones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </label>
      {!zoneOk && (
        <p className="error" role="alert">
          {t('customer.badZone')}
        </p>
      )}
      <label>
        {t('customer.tier')}
        <input value={tier} onChange={(e) => setTier(e.target.value)} maxLength={40} placeholder="vip" />
      </label>
      <div className="row-end">
        <button type="button" className="link small" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="small primary" disabled={busy || !zoneOk}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
