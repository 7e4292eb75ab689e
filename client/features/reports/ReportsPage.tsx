import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Team } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import { overseenTeams } from '#client/api/directory';
import { useAgentReport, useLeadingReport, useTeamReport, type ReportFilters } from '#client/api/reports';
import { AgentTable, type Pick } from './AgentTable';
import { DecileGaps } from './DecileGaps';
import { DrillPanel } from './DrillPanel';
import { LeadingCards } from './LeadingCards';
import { ReportFiltersBar } from './ReportFiltersBar';
import { filtersFromSearch, pickFromSearch, reportHref } from './reportUrl';
import { dayStart, dayValue } from './reportFormat';
import { ReviewForm, type ReviewTarget } from './reviews/ReviewForm';
import { ReviewList } from './reviews/ReviewList';
import { ReviewQueue } from './reviews/ReviewQueue';
import { navigate, useSearch } from '#client/router';
import './reports.css';

// The charting library is loaded only when a chart is about to be drawn.
const Charts = lazy(() => import('./Charts'));

const DAY = 86_400_000;

/** The last 30 whole days, today included. */
function defaultFilters(): ReportFilters {
  const to = dayStart(dayValue(Date.now())) + DAY;
  return { from: to - 30 * DAY, to, time: 'calendar' };
}

/**
 * Supervisor reports: leading indicators, the decile gap, charts and agents × metrics, each figure
 * opening the conversations behind it. Leads see their teams, supervisors every team; agents see
 * only their own figures.
 */
export default function ReportsPage({ me, teams }: { me: Agent; teams: Team[] }) {
  const { t } = useTranslation();
  const search = useSearch();
  const [defaults] = useState(defaultFilters);
  const filters = useMemo(() => filtersFromSearch(search, defaults), [search, defaults]);
  const pick = useMemo(() => pickFromSearch(search), [search]);
  // A new filter replaces the address; a picked figure is a new entry, so Back closes its list.
  const show = (f: ReportFilters, p: Pick | null, replace = true) => navigate(reportHref(f, p), replace);
  const setPick = (p: Pick | null) => show(filters, p, p === null);
  const [scoring, setScoring] = useState<ReviewTarget | null>(null);
  const lead = hasRole(me.role, 'lead');
  const myTeams = overseenTeams(me, teams);
  const agents = useAgentReport(filters);
  const teamReport = useTeamReport(filters, lead);
  const leading = useLeadingReport(filters);
  const change = (f: ReportFilters) => show(f, null);
  const failed = agents.error ?? leading.error ?? teamReport.error;
  return (
    <main className="reports-pane">
      <div className="reports">
        <header className="reports-head">
          <h1>{lead ? t('reports.title') : t('reports.you')}</h1>
          <ReportFiltersBar value={filters} teams={lead ? myTeams : []} onChange={change} />
        </header>
        {failed && <p role="alert">{t('reports.failed', { reason: failed.message })}</p>}
        {!agents.data ? (
          <p className="muted">{t('reports.loading')}</p>
        ) : (
          <>
            {leading.data && <LeadingCards report={leading.data} onPick={setPick} />}
            {pick && (
              <DrillPanel
                filters={filters}
                pick={pick}
                onClose={() => setPick(null)}
                onScore={lead ? setScoring : undefined}
              />
            )}
            {lead && pick?.agentId !== undefined && <ReviewList me={me} agentId={pick.agentId} />}
            <DecileGaps report={agents.data} onPick={setPick} />
            <section className="report-card" aria-labelledby="agents-title">
              <h2 id="agents-title">{lead ? t('reports.agents') : t('reports.you')}</h2>
              {agents.data.items.length === 0 ? (
                <p className="muted">{t('reports.noData')}</p>
              ) : (
                <AgentTable report={agents.data} onPick={setPick} />
              )}
            </section>
            {teamReport.data && (
              <Suspense fallback={<p className="muted">{t('reports.loading')}</p>}>
                <Charts report={teamReport.data} onPick={setPick} />
              </Suspense>
            )}
            {lead && <ReviewQueue filters={filters} onScore={setScoring} />}
            {!lead && <ReviewList me={me} />}
            <details className="attribution">
              <summary>{t('reports.attribution')}</summary>
              <p>{agents.data.attribution}</p>
            </details>
          </>
        )}
      </div>
      {scoring && <ReviewForm target={scoring} onClose={() => setScoring(null)} />}
    </main>
  );
}
