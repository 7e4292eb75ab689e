import { useTranslation } from 'react-i18next';
import { useFormat, type Formatters } from '#client/i18n/format';
import { DECILE_METRICS, type AgentReport, type DrillMetric, type ReportFigures } from '#shared/schemas/reports';
import { isOneOf } from '#shared/oneOf';
import { metricValue, percent } from './reportFormat';
import { Sparkline } from './Sparkline';

type Row = AgentReport['items'][number];

/** The figure a click on a cell drills into. */
export interface Pick {
  agentId?: number;
  metric: DrillMetric;
  label: string;
  /** Only values in (above, upTo]: a histogram bin. */
  above?: number;
  upTo?: number;
}

/** A cell's figure: one value, or a median and its p90 (a narrow column breaks between them, never inside one). */
type Figure = string | [median: string, p90: string];

/** A column: how its figure reads, and the number its sparkline follows (null: none that period). */
interface Column {
  metric: DrillMetric;
  show(f: Formatters, r: ReportFigures): Figure;
  value(r: ReportFigures): number | null;
}

const COLUMNS: Column[] = [
  { metric: 'handled', show: (f, r) => metricValue(f, 'handled', r.handled), value: (r) => r.handled },
  ...(['firstResponse', 'nextResponse', 'resolution'] as const).map((metric) => ({
    metric,
    show: (f: Formatters, r: ReportFigures): Figure =>
      r[metric].count === 0 ? '—' : [f.duration(r[metric].median!), f.duration(r[metric].p90!)],
    value: (r: ReportFigures) => r[metric].median,
  })),
  { metric: 'reopenRate', show: (f, r) => percent(f.locale, r.reopen.rate), value: (r) => r.reopen.rate },
  { metric: 'csat', show: (f, r) => metricValue(f, 'csat', r.csat.avg), value: (r) => r.csat.avg },
  { metric: 'nps', show: (f, r) => metricValue(f, 'nps', r.nps.score), value: (r) => r.nps.score },
  {
    metric: 'sentimentLift',
    show: (f, r) => metricValue(f, 'sentimentLift', r.sentimentLift.lift),
    value: (r) => r.sentimentLift.lift,
  },
  { metric: 'review', show: (f, r) => metricValue(f, 'review', r.review.avg), value: (r) => r.review.avg },
];

/** Which end of the field an agent is at on a metric (top, bottom or neither). */
function endOf(deciles: AgentReport['deciles'], metric: DrillMetric, agentId: number): 'top' | 'bottom' | null {
  const d = deciles && isOneOf(DECILE_METRICS, metric) ? deciles[metric] : null;
  if (!d) return null;
  if (d.top?.agents.some((a) => a.agentId === agentId) && d.bottom?.agents.every((a) => a.agentId !== agentId))
    return 'top';
  if (d.bottom?.agents.some((a) => a.agentId === agentId) && d.top?.agents.every((a) => a.agentId !== agentId))
    return 'bottom';
  return null;
}

/**
 * Agents × metrics: each figure is a button that lists the conversations behind it; agents in the
 * top or bottom 10 % of a metric are marked (colour and words, so it is not colour alone). Each
 * figure has a sparkline of its value over the report's earlier periods and this one.
 */
export function AgentTable(p: { report: AgentReport; onPick(pick: Pick): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const earlier = p.report.earlier.map((e) => new Map(e.items.map((i) => [i.agentId, i])));
  const sub = (m: DrillMetric, r: Row) =>
    m === 'csat' && r.csat.satisfied !== null
      ? t('reports.satisfied', { share: percent(f.locale, r.csat.satisfied) })
      : null;
  return (
    <div className="report-table-wrap">
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{t('reports.agent')}</th>
            {COLUMNS.map((c) => (
              <th scope="col" key={c.metric}>
                {t(`reports.${c.metric}`)}
                {c.metric.endsWith('Response') || c.metric === 'resolution' ? (
                  <span className="report-unit">{t('reports.medianP90')}</span>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.report.items.map((r) => (
            <tr key={r.agentId}>
              <th scope="row">{r.name}</th>
              {COLUMNS.map((c) => {
                const end = endOf(p.report.deciles, c.metric, r.agentId);
                const figure = c.show(f, r);
                const text = typeof figure === 'string' ? figure : figure.join(' · ');
                const label = `${r.name}: ${t(`reports.${c.metric}`)}`;
                return (
                  <td key={c.metric} className={end ? `decile-${end}` : undefined}>
                    <button
                      type="button"
                      className="figure"
                      disabled={text === '—' || (c.metric === 'handled' && r.handled === 0)}
                      onClick={() => p.onPick({ agentId: r.agentId, metric: c.metric, label })}
                      aria-label={`${label} ${text}`}
                    >
                      {typeof figure === 'string' ? (
                        figure
                      ) : (
                        <>
                          <span className="figure-part">{figure[0]}</span> ·{' '}
                          <span className="figure-part">{figure[1]}</span>
                        </>
                      )}
                    </button>
                    {sub(c.metric, r) && <span className="report-unit">{sub(c.metric, r)}</span>}
                    {end && <span className="decile-badge">{t(`reports.${end}Badge`)}</span>}
                    <Sparkline
                      width={48}
                      values={[...earlier.map((e) => e.get(r.agentId)), r].map((x) => (x ? c.value(x) : null))}
                      label={t('reports.lastPeriods', { figure: label })}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
