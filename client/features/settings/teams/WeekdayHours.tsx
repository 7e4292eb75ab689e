import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '#client/components/Icon';
import { rangeProblem, type TimeRange } from './scheduleDraft';

const MAX_RANGES = 6;

/** One end of a range, HH:MM; `errorId` names the range's error message while it has one. */
function TimeInput({
  label,
  value,
  errorId,
  onChange,
}: {
  label: string;
  value: string;
  errorId: string | undefined;
  onChange(v: string): void;
}) {
  return (
    <input
      className="hhmm"
      aria-label={label}
      value={value}
      inputMode="numeric"
      placeholder="09:00"
      maxLength={5}
      size={5}
      aria-invalid={errorId ? true : undefined}
      aria-describedby={errorId}
      onChange={(e) => onChange(e.target.value.trim())}
    />
  );
}

/** One weekday's opening windows: edit, add and remove HH:MM–HH:MM ranges (none = closed). */
export function WeekdayHours({
  day,
  ranges,
  showErrors,
  onChange,
}: {
  day: string;
  ranges: TimeRange[];
  showErrors: boolean;
  onChange(r: TimeRange[]): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const setAt = (i: number, r: TimeRange) => onChange(ranges.map((x, j) => (j === i ? r : x)));
  const add = () => {
    const last = ranges[ranges.length - 1];
    onChange([...ranges, last ? { from: last.to, to: '24:00' } : { from: '09:00', to: '17:00' }]);
  };
  return (
    <tr>
      <th scope="row">{day}</th>
      <td>
        {ranges.length === 0 && <span className="muted">{t('admin.hours.closed')}</span>}
        <ul className="ranges">
          {ranges.map((r, i) => {
            const problem = rangeProblem(r);
            // Half-typed times are not errors yet; complete ones (and everything after a save attempt) are.
            const shown = problem && (showErrors || (r.from.length === 5 && r.to.length === 5)) ? problem : null;
            const errId = `${id}-${i}-error`;
            return (
              <li key={i}>
                <TimeInput
                  label={t('admin.hours.opens', { day })}
                  value={r.from}
                  errorId={shown ? errId : undefined}
                  onChange={(from) => setAt(i, { ...r, from })}
                />
                <span aria-hidden="true">–</span>
                <TimeInput
                  label={t('admin.hours.closes', { day })}
                  value={r.to}
                  errorId={shown ? errId : undefined}
                  onChange={(to) => setAt(i, { ...r, to })}
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('admin.hours.remove', { day, from: r.from, to: r.to })}
                  onClick={() => onChange(ranges.filter((_, j) => j !== i))}
                >
                  <Icon name="x" size={12} />
                </button>
                {shown && (
                  <span id={errId} className="field-error">
                    {t(shown === 'format' ? 'admin.hours.format' : 'admin.hours.order')}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </td>
      <td className="row-actions">
        <button
          type="button"
          className="link small"
          aria-label={t('admin.hours.addFor', { day })}
          disabled={ranges.length >= MAX_RANGES}
          onClick={add}
        >
          + {t('admin.hours.add')}
        </button>
      </td>
    </tr>
  );
}
