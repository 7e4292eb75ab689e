import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditEntry } from '#shared/schemas/audit';
import { useAgents } from '#client/api/directory';
import { useAuditLog, type QueryFields } from '#client/api/search';
import { useFormat } from '#client/i18n/format';
import { RecordsPage } from '#client/features/settings/RecordsPage';
import { viewerTimeZone } from '#client/features/search/viewerTimeZone';
import { LoadMore } from '#client/components/LoadMore';
import { settingsPage } from '#client/features/settings/settingsPage';
import { ChoiceFilter, DayFilter, Filter } from '#client/components/Filter';

/** The audit log for admins: who looked at or changed what, filtered by actor, customer, action and dates. */
function AuditSettings() {
  const { t } = useTranslation();
  const f = useFormat();
  const agents = useAgents().data ?? [];
  const [filters, setFilters] = useState<QueryFields>({});
  const log = useAuditLog({ ...filters, tz: viewerTimeZone() });
  const set = (k: string, v: string) => setFilters({ ...filters, [k]: v });
  return (
    <RecordsPage
      keys="audit"
      query={log}
      rows={log.data?.pages.flatMap((p) => p.items) ?? []}
      footer={<LoadMore query={log} label={t('audit.older')} />}
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
    >
      <fieldset className="search-filters">
        <legend className="sr-only">{t('find.filters')}</legend>
        <ChoiceFilter
          label={t('audit.actor')}
          any={t('audit.anyone')}
          value={filters.actorId}
          options={agents.map((a) => [String(a.id), a.name])}
          onChange={(v) => set('actorId', v)}
        />
        <Filter label={t('audit.customer')}>
          <input
            type="number"
            min={1}
            inputMode="numeric"
            value={filters.customerId ?? ''}
            onChange={(e) => set('customerId', e.target.value)}
          />
        </Filter>
        <ChoiceFilter
          label={t('audit.action')}
          any={t('audit.anyAction')}
          value={filters.action}
          options={AUDIT_ACTIONS.map((a) => [a, a])}
          onChange={(v) => set('action', v)}
        />
        <DayFilter label={t('audit.from')} value={filters.from} onChange={(v) => set('from', v)} />
        <DayFilter label={t('audit.to')} value={filters.to} onChange={(v) => set('to', v)} />
      </fieldset>
    </RecordsPage>
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

export default settingsPage('audit', AuditSettings);
