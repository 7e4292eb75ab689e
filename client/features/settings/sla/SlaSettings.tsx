import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Team } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import type { SlaPolicyDto } from '#shared/schemas/metrics';
import { useSlaPolicies, useSlaPolicyAdmin } from '#client/api/slaPolicies';
import { useFormat } from '#client/i18n/format';
import { RecordsPage } from '#client/features/settings/RecordsPage';
import { settingsPage } from '#client/features/settings/settingsPage';
import { SlaForm } from './SlaForm';

function useScopeText(teams: Team[]): (p: SlaPolicyDto) => string {
  const { t } = useTranslation();
  return ({ match }) => {
    const parts = [
      ...(match.teamIds ?? []).map((id) => teams.find((tm) => tm.id === id)?.name ?? `#${id}`),
      ...(match.channels ?? []).map((c) => t(`channel.${c}`, { defaultValue: c })),
      ...(match.priorities ?? []).map((p) => t(`priority.${p}`)),
      ...(match.tiers ?? []),
    ];
    return parts.length ? parts.join(' · ') : t('admin.sla.everything');
  };
}

/** Admins list, create, edit and delete SLA policies; leads see them read-only. */
function SlaSettings({ me, teams }: { me: Agent; teams: Team[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const policies = useSlaPolicies();
  const { remove } = useSlaPolicyAdmin();
  const scope = useScopeText(teams);
  const [confirm, setConfirm] = useState<number | null>(null);
  const canEdit = hasRole(me.role, 'admin');
  const list = policies.data ?? [];
  const target = (ms: number | null) =>
    ms === null ? <span className="muted">{t('admin.sla.noTarget')}</span> : f.duration(ms);
  return (
    <RecordsPage
      keys="admin.sla"
      canEdit={canEdit}
      form={{ prefix: 'sla', render: (p, onDone) => <SlaForm policy={p} teams={teams} onDone={onDone} /> }}
      failed={remove.error}
      query={policies}
      rows={list}
      columns={[
        { header: t('admin.sla.name'), cell: (p) => p.name },
        { header: t('admin.sla.appliesTo'), cell: scope },
        { header: t('admin.sla.firstResponseShort'), cell: (p) => target(p.firstResponseMs) },
        { header: t('admin.sla.nextResponseShort'), cell: (p) => target(p.nextResponseMs) },
        { header: t('admin.sla.resolutionShort'), cell: (p) => target(p.resolutionMs) },
        {
          header: t('admin.sla.clock'),
          cell: (p) => (p.businessHours ? t('admin.sla.businessClock') : t('admin.sla.calendarClock')),
        },
      ]}
      actions={(p) =>
        confirm === p.id ? (
          <button
            type="button"
            className="small danger"
            autoFocus
            onBlur={() => setConfirm(null)}
            onClick={() => remove.mutate(p.id, { onSettled: () => setConfirm(null) })}
          >
            {t('admin.sla.confirmDelete')} <span className="sr-only">{p.name}</span>
          </button>
        ) : (
          <button type="button" className="link small" onClick={() => setConfirm(p.id)}>
            {t('common.delete')} <span className="sr-only">{p.name}</span>
          </button>
        )
      }
    />
  );
}

export default settingsPage('sla', SlaSettings);
