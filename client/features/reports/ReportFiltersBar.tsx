import { useTranslation } from 'react-i18next';
import type { Team } from '#shared/schemas/agent';
import { CHANNEL_KINDS } from '#shared/channels';
import type { ReportFilters } from '#client/api/reports';
import { dayStart, dayValue } from './reportFormat';
import { IdSelect } from '#client/components/IdSelect';

const DAY = 86_400_000;

/** Date range (whole local days), team, channel and calendar/business time of the report. */
export function ReportFiltersBar(p: { value: ReportFilters; teams: Team[]; onChange(f: ReportFilters): void }) {
  const { t } = useTranslation();
  const f = p.value;
  const set = (over: Partial<ReportFilters>) => p.onChange({ ...f, ...over });
  return (
    <form className="report-filters" aria-label={t('reports.filters')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('reports.from')}
        <input
          type="date"
          value={dayValue(f.from)}
          max={dayValue(f.to - DAY)}
          onChange={(e) => e.target.value && set({ from: dayStart(e.target.value) })}
        />
      </label>
      <label>
        {t('reports.to')}
        <input
          type="date"
          value={dayValue(f.to - DAY)}
          min={dayValue(f.from)}
          onChange={(e) => e.target.value && set({ to: dayStart(e.target.value) + DAY })}
        />
      </label>
      {p.teams.length > 0 && (
        <label>
          {t('reports.team')}
          <IdSelect
            value={f.teamId ?? null}
            none={t('reports.allTeams')}
            options={p.teams}
            onChange={(teamId) => set({ teamId: teamId ?? undefined })}
          />
        </label>
      )}
      <label>
        {t('reports.channel')}
        <select value={f.channel ?? ''} onChange={(e) => set({ channel: e.target.value || undefined })}>
          <option value="">{t('reports.allChannels')}</option>
          {CHANNEL_KINDS.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`, { defaultValue: c })}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="report-time">
        <legend>{t('reports.time')}</legend>
        {(['calendar', 'business'] as const).map((time) => (
          <label key={time}>
            <input type="radio" name="time" checked={f.time === time} onChange={() => set({ time })} />
            {t(`reports.${time}`)}
          </label>
        ))}
      </fieldset>
    </form>
  );
}
