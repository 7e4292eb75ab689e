import { useTranslation } from 'react-i18next';
import { Field } from '#client/features/settings/FormParts';
import type { DurationDraft } from './slaDraft';
import { Select } from '#client/components/Select';

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
  return (
    <Field label={label} error={error}>
      {(a) => (
        <span className="duration">
          <input
            {...a}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            placeholder={t('admin.sla.noTarget')}
            value={value.amount}
            onChange={(e) => onChange({ ...value, amount: e.target.value })}
          />
          <Select
            aria-label={t('admin.sla.unit', { target: label })}
            value={value.unit}
            options={[
              { value: 'minutes', label: t('admin.sla.minutes') },
              { value: 'hours', label: t('admin.sla.hours') },
            ]}
            onChange={(unit) => onChange({ ...value, unit })}
          />
        </span>
      )}
    </Field>
  );
}
