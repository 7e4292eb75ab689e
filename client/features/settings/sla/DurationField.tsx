import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DurationDraft } from './slaDraft';

/** A target duration: a whole number and its unit (minutes or hours); empty means no target. */
export function DurationField({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: DurationDraft;
  error?: string;
  onChange(v: DurationDraft): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span className="duration">
        <input
          id={id}
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          placeholder={t('admin.sla.noTarget')}
          value={value.amount}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange({ ...value, amount: e.target.value })}
        />
        <select
          aria-label={t('admin.sla.unit', { target: label })}
          value={value.unit}
          onChange={(e) => onChange({ ...value, unit: e.target.value as DurationDraft['unit'] })}
        >
          <option value="minutes">{t('admin.sla.minutes')}</option>
          <option value="hours">{t('admin.sla.hours')}</option>
        </select>
      </span>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
