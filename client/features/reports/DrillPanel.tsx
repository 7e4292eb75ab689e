import { useTranslation } from 'react-i18next';
import { useDrill, type ReportFilters } from '#client/api/reports';
import { useFormat } from '#client/i18n/format';
import type { Pick } from './AgentTable';
import { LEADING_METRICS, type DrillMetric, type LeadingMetric } from '#shared/schemas/reports';
import { metricValue } from './reportFormat';

const isLeading = (m: DrillMetric): m is LeadingMetric => isOneOf(LEADING_METRICS, m);
import { ConversationCell, ScoreCell } from './reviews/ScoreButton';
import type { ReviewTarget } from './reviews/ReviewForm';
import { TableHead } from '#client/components/TableHead';
import { ErrorNote } from '#client/components/ErrorNote';
import { isOneOf } from '#shared/oneOf';

/** The conversations behind the figure picked in the report, each opening its thread. */
export function DrillPanel(p: {
  filters: ReportFilters;
  pick: Pick;
  onClose(): void;
  /** Leads and above may score a listed conversation. */
  onScore?: (target: ReviewTarget) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useDrill({
    ...p.filters,
    agentId: p.pick.agentId,
    metric: p.pick.metric,
    above: p.pick.above,
    upTo: p.pick.upTo,
  });
  const data = q.data;
  return (
    <section className="report-card drill" aria-labelledby="drill-title">
      <header className="drill-head">
        <h2 id="drill-title">{t('reports.behind', { figure: p.pick.label })}</h2>
        <button type="button" onClick={p.onClose}>
          {t('reports.closeList')}
        </button>
      </header>
      <ErrorNote error={q.error} say={(reason) => t('reports.failed', { reason })} />
      {!data ? (
        <p className="muted">{t('reports.loading')}</p>
      ) : (
        <>
          <p className="muted small">{t('reports.behindCount', { shown: data.items.length, total: data.total })}</p>
          <table className="report-table">
            <TableHead
              columns={[t('reports.customer'), t('reports.when'), t('reports.value'), ...(p.onScore ? [null] : [])]}
            />
            <tbody>
              {data.items.map((it) => (
                <tr key={it.episodeId}>
                  <ConversationCell target={it} />
                  <td>{f.dateTime(it.at)}</td>
                  <td>
                    {isLeading(data.metric)
                      ? t(`reports.leadingValue.${data.metric}${it.value ? 'Yes' : 'No'}`)
                      : metricValue(f, data.metric, it.value)}
                  </td>
                  {p.onScore && <ScoreCell target={it} onScore={p.onScore} />}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
