import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Team } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import type { SlaPolicyDto } from '#shared/schemas/metrics';
import { useSlaPolicies, useSlaPolicyAdmin } from '#client/api/slaPolicies';
import { useFormat } from '#client/i18n/format';
import { focusLater } from '#client/features/settings/focus';
import { SettingsHead } from '#client/features/settings/FormParts';
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
export default function SlaSettings({ me, teams }: { me: Agent; teams: Team[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const policies = useSlaPolicies();
  const { remove } = useSlaPolicyAdmin();
  const scope = useScopeText(teams);
  const [form, setForm] = useState<'new' | number | null>(null);
  const [confirm, setConfirm] = useState<number | null>(null);
  if (!hasRole(me.role, 'lead')) return <p className="pad">{t('admin.nav.leadsOnly')}</p>;
  const canEdit = hasRole(me.role, 'admin');
  const list = policies.data ?? [];
  const target = (ms: number | null) =>
    ms === null ? <span className="muted">{t('admin.sla.noTarget')}</span> : f.duration(ms);
  const cols = canEdit ? 7 : 6;
  return (
    <section className="settings" aria-labelledby="sla-title">
      <SettingsHead
        id="sla-title"
        title={t('admin.sla.title')}
        intro={t('admin.sla.intro')}
        note={!canEdit && t('admin.nav.readOnly')}
        action={
          canEdit && (
            <button
              type="button"
              id="sla-new"
              className="primary"
              disabled={form === 'new'}
              onClick={() => setForm('new')}
            >
              {t('admin.sla.add')}
            </button>
          )
        }
      />
      {form === 'new' && (
        <SlaForm
          teams={teams}
          onDone={() => {
            setForm(null);
            focusLater('sla-new');
          }}
        />
      )}
      {policies.isPending && <p className="muted">{t('app.loading')}</p>}
      {!policies.isPending && list.length === 0 && <p className="muted">{t('admin.sla.empty')}</p>}
      {remove.error && (
        <p className="error small" role="alert">
          {t('admin.form.failed', { reason: remove.error.message })}
        </p>
      )}
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.sla.name')}</th>
            <th scope="col">{t('admin.sla.appliesTo')}</th>
            <th scope="col">{t('admin.sla.firstResponseShort')}</th>
            <th scope="col">{t('admin.sla.nextResponseShort')}</th>
            <th scope="col">{t('admin.sla.resolutionShort')}</th>
            <th scope="col">{t('admin.sla.clock')}</th>
            {canEdit && (
              <th scope="col">
                <span className="sr-only">{t('admin.form.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {list.map((p) => (
            <Fragment key={p.id}>
              <tr>
                <th scope="row">{p.name}</th>
                <td>{scope(p)}</td>
                <td>{target(p.firstResponseMs)}</td>
                <td>{target(p.nextResponseMs)}</td>
                <td>{target(p.resolutionMs)}</td>
                <td>{p.businessHours ? t('admin.sla.businessClock') : t('admin.sla.calendarClock')}</td>
                {canEdit && (
                  <td className="row-actions">
                    <button
                      type="button"
                      id={`sla-edit-${p.id}`}
                      className="link small"
                      aria-expanded={form === p.id}
                      onClick={() => setForm(form === p.id ? null : p.id)}
                    >
                      {t('common.edit')} <span className="sr-only">{p.name}</span>
                    </button>
                    {confirm === p.id ? (
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
                    )}
                  </td>
                )}
              </tr>
              {form === p.id && (
                <tr className="edit-row">
                  <td colSpan={cols}>
                    <SlaForm
                      policy={p}
                      teams={teams}
                      onDone={() => {
                        setForm(null);
                        focusLater(`sla-edit-${p.id}`);
                      }}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </section>
  );
}
