import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ALERT_KINDS, type AlertKind, type AlertRule } from '#shared/schemas/alerts';
import { recordOf } from '#shared/record';
import { ErrorNote } from '#client/components/ErrorNote';
import { alertQueries, useSaveAlertRules } from '#client/api/alerts';

type Draft = Record<AlertKind, { enabled: boolean; threshold: string }>;

function draftOf(rules: readonly AlertRule[]): Draft {
  return recordOf(ALERT_KINDS, (kind) => {
    const r = rules.find((x) => x.kind === kind);
    return { enabled: r?.enabled ?? false, threshold: String(r?.threshold ?? '') };
  });
}

/** A team's alert rules (leads of the team, supervisors, admins): one row per kind, on/off and a threshold. */
export function AlertRulesForm({ teamId }: { teamId: number }) {
  const rules = useQuery(alertQueries.rules(teamId));
  // Keyed by team: another team's rules start a fresh draft.
  return rules.data ? <RulesDraft key={teamId} teamId={teamId} rules={rules.data.rules} /> : null;
}

function RulesDraft({ teamId, rules }: { teamId: number; rules: readonly AlertRule[] }) {
  const { t } = useTranslation();
  const save = useSaveAlertRules(teamId);
  const [draft, setDraft] = useState<Draft>(() => draftOf(rules));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const out: AlertRule[] = ALERT_KINDS.filter((k) => draft[k].threshold.trim() !== '').map((kind) => ({
      kind,
      enabled: draft[kind].enabled,
      threshold: Number(draft[kind].threshold),
    }));
    save.mutate({ rules: out });
  };
  return (
    <form className="alert-rules" onSubmit={submit} aria-labelledby={`alert-rules-${teamId}`}>
      <h3 id={`alert-rules-${teamId}`}>{t('board.alerts.rules')}</h3>
      {ALERT_KINDS.map((kind) => (
        <div key={kind} className="alert-rule">
          <label>
            <input
              type="checkbox"
              checked={draft[kind].enabled}
              onChange={(e) => setDraft({ ...draft, [kind]: { ...draft[kind], enabled: e.target.checked } })}
            />{' '}
            {t(`board.alerts.rule.${kind}`)}
          </label>{' '}
          <input
            type="number"
            min={0}
            step={1}
            aria-label={t('board.alerts.threshold', { rule: t(`board.alerts.rule.${kind}`) })}
            value={draft[kind].threshold}
            onChange={(e) => setDraft({ ...draft, [kind]: { ...draft[kind], threshold: e.target.value } })}
          />
        </div>
      ))}
      <button type="submit" className="small primary" disabled={save.isPending}>
        {t('board.alerts.save')}
      </button>
      {save.isSuccess && <span role="status">{t('board.alerts.saved')}</span>}
      <ErrorNote error={save.error} say={(reason) => t('board.alerts.saveFailed', { reason })} inline />
    </form>
  );
}
