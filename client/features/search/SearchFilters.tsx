import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNEL_KINDS } from '#shared/channels';
import { SENTIMENT_LABELS } from '#shared/schemas/common';
import { isOneOf } from '#shared/oneOf';
import { useAgents, useTeams } from '#client/api/directory';
import type { QueryFields } from '#client/api/search';
import { ChoiceFilter, DayFilter, Filter } from '#client/components/Filter';

/** The filter fields the search page keeps in its address. */
export const FILTER_KEYS = [
  'channel',
  'teamId',
  'agentId',
  'from',
  'to',
  'status',
  'sentiment',
  'surveyKind',
  'scoreMin',
  'scoreMax',
  'slaBreached',
  'tag',
] as const;

const STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;

/** Scores a range may start or end at: CSAT answers 1–5, NPS 0–10, either kind 0–10. */
function scores(kind: string | undefined, min: number, max: number): Array<[string, string]> {
  const lo = Math.max(min, kind === 'csat' ? 1 : 0);
  const hi = Math.min(max, kind === 'csat' ? 5 : 10);
  return Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => [String(lo + i), String(lo + i)]);
}

/**
 * Channel, team, agent, local date range, status, sentiment, survey score range, SLA breached and
 * customer tag: each combines with the text. A score range can only be picked low to high.
 */
export function SearchFilters({ value, onChange }: { value: QueryFields; onChange(next: QueryFields): void }) {
  const { t } = useTranslation();
  const agents = useAgents().data ?? [];
  const teams = useTeams().data ?? [];
  const set = (k: string, v: string) => onChange({ ...value, [k]: v });
  const select = (k: string, label: string, options: Array<[string, string]>, pick = (v: string) => set(k, v)) => (
    <ChoiceFilter label={label} any={t('find.any')} value={value[k]} options={options} onChange={pick} />
  );
  const num = (k: string, fallback: number) => (value[k] ? Number(value[k]) : fallback);
  // CSAT answers are 1–5: a range picked for NPS (or either) is cut back to what CSAT can hold.
  const pickKind = (kind: string) => {
    const csat = kind === 'csat';
    const next: QueryFields = { ...value, surveyKind: kind };
    if (csat && num('scoreMin', 1) < 1) next.scoreMin = '';
    if (csat && num('scoreMax', 5) > 5) next.scoreMax = '';
    onChange(next);
  };
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
      <DayFilter label={t('find.from')} value={value.from} onChange={(v) => set('from', v)} />
      <DayFilter label={t('find.to')} value={value.to} onChange={(v) => set('to', v)} />
      {select(
        'surveyKind',
        t('find.survey'),
        [
          ['csat', t('find.csat')],
          ['nps', t('find.nps')],
        ],
        pickKind,
      )}
      {select('scoreMin', t('find.scoreMin'), scores(value.surveyKind, 0, num('scoreMax', 10)))}
      {select('scoreMax', t('find.scoreMax'), scores(value.surveyKind, num('scoreMin', 0), 10))}
      {select('slaBreached', t('find.sla'), [
        ['true', t('find.slaBreached')],
        ['false', t('find.slaKept')],
      ])}
      <TagFilter key={value.tag ?? ''} initial={value.tag ?? ''} onApply={(tag) => set('tag', tag)} />
      {active && (
        <button
          type="button"
          className="link small"
          onClick={() => onChange(Object.fromEntries(Object.entries(value).filter(([k]) => !isOneOf(FILTER_KEYS, k))))}
        >
          {t('find.clear')}
        </button>
      )}
    </fieldset>
  );
}

/** A customer tag, applied on Enter or when the box loses focus (not on every keystroke). */
function TagFilter({ initial, onApply }: { initial: string; onApply(tag: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const apply = () => {
    if (text.trim() !== initial) onApply(text.trim());
  };
  return (
    <Filter label={t('find.tag')}>
      <input
        type="text"
        maxLength={60}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          }
        }}
      />
    </Filter>
  );
}
