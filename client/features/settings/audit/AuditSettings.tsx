import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { AUDIT_ACTIONS, type AuditEntry } from '#shared/schemas/audit';
import { hasRole } from '#shared/schemas/common';
import { useAgents } from '#client/api/directory';
import { useAuditLog, type QueryFields } from '#client/api/search';
import { useFormat } from '#client/i18n/format';
import { AdminPage, AdminTable } from '#client/features/settings/AdminTable';
import { viewerTimeZone } from '#client/features/search/viewerTimeZone';

/** The audit log for admins: who looked at or changed what, filtered by actor, customer, action and dates. */
export default function AuditSettings({ me }: { me: Agent }) {
  const { t } = useTranslation();
  const f = useFormat();
  const isAdmin = hasRole(me.role, 'admin');
  const agents = useAgents().data ?? [];
  const [filters, setFilters] = useState<QueryFields>({});
  const log = useAuditLog({ ...filters, tz: viewerTimeZone() }, isAdmin);
  if (!isAdmin) return <p className="pad">{t('admin.nav.forbidden')}</p>;
  const set = (k: string, v: string) => setFilters({ ...filters, [k]: v });
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <AdminPage keys="audit" titleId="audit-title" canEdit>
      <fieldset className="search-filters">
        <legend className="sr-only">{t('find.filters')}</legend>
        <label className="filter">
          <span>{t('audit.actor')}</span>
          <select value={filters.actorId ?? ''} onChange={(e) => set('actorId', e.target.value)}>
            <option value="">{t('audit.anyone')}</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t('audit.customer')}</span>
          <input
            type="number"
            min={1}
            inputMode="numeric"
            value={filters.customerId ?? ''}
            onChange={(e) => set('customerId', e.target.value)}
          />
        </label>
        <label className="filter">
          <span>{t('audit.action')}</span>
          <select value={filters.action ?? ''} onChange={(e) => set('action', e.target.value)}>
            <option value="">{t('audit.anyAction')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t('audit.from')}</span>
          <input type="date" value={filters.from ?? ''} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label className="filter">
          <span>{t('audit.to')}</span>
          <input type="date" value={filters.to ?? ''} onChange={(e) => set('to', e.target.value)} />
        </label>
      </fieldset>
      <AdminTable
        query={log}
        rows={rows}
        empty={t('audit.empty')}
        columns={[
          { header: t('audit.when'), cell: (e) => f.dateTime(e.at) },
          { header: t('audit.actor'), cell: (e) => e.actorName ?? '–' },
          { header: t('audit.action'), cell: (e) => <code>{e.action}</code> },
          {
            header: t('audit.subject'),
            cell: (e) => (e.customerId === null ? '–' : `${e.customerName ?? ''} #${e.customerId}`),
          },
          { header: t('audit.detail'), className: 'clamp', cell: (e) => <AuditDetail entry={e} /> },
        ]}
      />
      {log.hasNextPage && (
        <button
          type="button"
          className="link"
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {t('audit.older')}
        </button>
      )}
    </AdminPage>
  );
}

/** An entry's details as short "key: value" pairs (plain text). */
function AuditDetail({ entry }: { entry: AuditEntry }) {
  const pairs = Object.entries(entry.detail).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return (
    <span className="small">
      {pairs.map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' · ')}
    </span>
  );
}
