import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addOnEnter, Chip } from '#client/components/Chip';
import { InputWithButton } from '#client/components/InputWithButton';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whole closed days of a team as YYYY-MM-DD, kept sorted and without duplicates. */
export function HolidayList({ value, onChange }: { value: string[]; onChange(v: string[]): void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState('');
  // Dates are local calendar days: format them at UTC midnight so no zone shifts them.
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const add = () => {
    if (!ISO_DATE.test(draft)) return;
    onChange([...new Set([...value, draft])].sort());
    setDraft('');
  };
  return (
    <fieldset className="checks">
      <legend>{t('admin.hours.holidays')}</legend>
      {value.length === 0 ? (
        <p className="muted small">{t('admin.hours.noHolidays')}</p>
      ) : (
        <ul className="chips">
          {value.map((d) => (
            <Chip
              key={d}
              removeLabel={t('admin.hours.removeHoliday', { date: d })}
              onRemove={() => onChange(value.filter((x) => x !== d))}
            >
              <time dateTime={d}>{fmt.format(Date.parse(`${d}T00:00:00Z`))}</time>
            </Chip>
          ))}
        </ul>
      )}
      <InputWithButton
        rowClass="add-row"
        label={t('admin.hours.holidayDate')}
        type="date"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={addOnEnter(add)}
        button={
          <button type="button" className="small" disabled={!ISO_DATE.test(draft)} onClick={add}>
            {t('admin.hours.addHoliday')}
          </button>
        }
      />
    </fieldset>
  );
}
