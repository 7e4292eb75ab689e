import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '#client/features/settings/FormParts';
import { HolidayList } from './HolidayList';
import { timeZones, WEEK, weekdayNames, type ScheduleDraft } from './scheduleDraft';
import { WeekdayHours } from './WeekdayHours';

/** A team's business hours: always open, or a time zone with weekly windows and holidays. */
export function ScheduleEditor({
  value,
  showErrors,
  onChange,
}: {
  value: ScheduleDraft;
  showErrors: boolean;
  onChange(v: ScheduleDraft): void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const names = useMemo(() => weekdayNames(i18n.language), [i18n.language]);
  const zones = useMemo(() => timeZones(value.timeZone), [value.timeZone]);
  const set = (patch: Partial<ScheduleDraft>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="group">
      <legend>{t('admin.hours.title')}</legend>
      <p className="field-hint">{t('admin.hours.hint')}</p>
      <div className="radio-row">
        <label className="check">
          <input type="radio" name={`${id}-mode`} checked={value.open247} onChange={() => set({ open247: true })} />{' '}
          {t('admin.hours.alwaysOpen')}
        </label>
        <label className="check">
          <input type="radio" name={`${id}-mode`} checked={!value.open247} onChange={() => set({ open247: false })} />{' '}
          {t('admin.hours.scheduled')}
        </label>
      </div>
      {!value.open247 && (
        <>
          <div className="form-row">
            <Field label={t('admin.hours.timeZone')}>
              {(a) => (
                <select {...a} value={value.timeZone} onChange={(e) => set({ timeZone: e.target.value })}>
                  {zones.map((z) => (
                    <option key={z} value={z}>
                      {z.replaceAll('_', ' ')}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <table className="hours-table" aria-label={t('admin.hours.weekly')}>
            <tbody>
              {WEEK.map((k) => (
                <WeekdayHours
                  key={k}
                  day={names[k]}
                  ranges={value.days[k]}
                  showErrors={showErrors}
                  onChange={(r) => set({ days: { ...value.days, [k]: r } })}
                />
              ))}
            </tbody>
          </table>
          <HolidayList value={value.holidays} onChange={(holidays) => set({ holidays })} />
        </>
      )}
    </fieldset>
  );
}
