import { useTranslation } from 'react-i18next';
import { CHANNEL_KINDS } from '#shared/channels';
import { SENTIMENT_LABELS } from '#shared/schemas/common';
import { useAgents, useTeams } from '#client/api/directory';
import type { QueryFields } from '#client/api/search';

/** The filter fields the search page keeps in its address. */
export const FILTER_KEYS = ['channel', 'teamId', 'agentId', 'from', 'to', 'status', 'sentiment'] as const;

const STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;

/** Channel, team, agent, local date range, status and sentiment: each combines with the text. */
export function SearchFilters({ value, onChange }: { value: QueryFields; onChange(next: QueryFields): void }) {
  const { t } = useTranslation();
  const agents = useAgents().data ?? [];
  const teams = useTeams().data ?? [];
  const set = (k: string, v: string) => onChange({ ...value, [k]: v });
  const select = (k: string, label: string, options: Array<[string, string]>) => (
    <label className="filter">
      <span>{label}</span>
      <select value={value[k] ?? ''} onChange={(e) => set(k, e.target.value)}>
        <option value="">{t('find.any')}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  const active = FILTER_KEYS.some((k) => (value[k] ?? '') !== '');
  return (
    <fieldset className="search-filters">
      <legend className="sr-only">{t('find.filters')}</legend>
      {select(
        'channel',
        t('find.channel'),
        CHANNEL_KINDS.map((c) => [c, t(`channel.${c}`, { defaultValue: c })]),
      )}
      {select(
        'teamId',
        t('find.team'),
        teams.map((x) => [String(x.id), x.name]),
      )}
      {select(
        'agentId',
        t('find.agent'),
        agents.map((a) => [String(a.id), a.name]),
      )}
      {select(
        'status',
        t('find.status'),
        STATUSES.map((s) => [s, t(`status.${s}`)]),
      )}
      {select(
        'sentiment',
        t('find.sentiment'),
        SENTIMENT_LABELS.map((s) => [s, t(`sentiment.${s}`)]),
      )}
      <label className="filter">
        <span>{t('find.from')}</span>
        <input type="date" value={value.from ?? ''} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label className="filter">
        <span>{t('find.to')}</span>
        <input type="date" value={value.to ?? ''} onChange={(e) => set('to', e.target.value)} />
      </label>
      {active && (
        <button
          type="button"
          className="link small"
          onClick={() =>
            onChange(Object.fromEntries(Object.entries(value).filter(([k]) => !FILTER_KEYS.includes(k as never))))
          }
        >
          {t('find.clear')}
        </button>
      )}
    </fieldset>
  );
}
