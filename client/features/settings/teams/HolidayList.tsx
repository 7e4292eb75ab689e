import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '#client/components/Icon';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whole closed days of a team as YYYY-MM-DD, kept sorted and without duplicates. */
export function HolidayList({ value, onChange }: { value: string[]; onChange(v: string[]): void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState('');
  const id = useId();
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
            <li key={d} className="chip">
              <time dateTime={d}>{fmt.format(Date.parse(`${d}T00:00:00Z`))}</time>
              <button
                type="button"
                className="chip-x"
                aria-label={t('admin.hours.removeHoliday', { date: d })}
                onClick={() => onChange(value.filter((x) => x !== d))}
              >
                <Icon name="x" size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="add-row">
        <label htmlFor={id} className="sr-only">
          {t('admin.hours.holidayDate')}
        </label>
        <input
          id={id}
          type="date"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the date instead of submitting the whole form.
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="small" disabled={!ISO_DATE.test(draft)} onClick={add}>
          {t('admin.hours.addHoliday')}
        </button>
      </div>
    </fieldset>
  );
}
