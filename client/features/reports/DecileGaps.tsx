import { useTranslation } from 'react-i18next';
import { useFormat } from '#client/i18n/format';
import { DECILE_METRICS, type AgentReport, type DecileDto } from '#shared/schemas/reports';
import type { Pick } from './AgentTable';
import { metricValue } from './reportFormat';
import { Sparkline } from './Sparkline';
import { TableHead } from '#client/components/TableHead';

/** Per metric: the top and bottom 10 % of agents, each group's value, the gap and how it moved. */
export function DecileGaps(p: { report: AgentReport; onPick(pick: Pick): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const deciles = p.report.deciles;
  if (!deciles) return null;
  const names = new Map(p.report.items.map((i) => [i.agentId, i.name]));
  const min = deciles.firstResponse.minConversations;
  const below = deciles.firstResponse.belowMinimum.map((id) => names.get(id) ?? `#${id}`);
  return (
    <section className="report-card decile-card" aria-labelledby="decile-title">
      <h2 id="decile-title">{t('reports.decileTitle')}</h2>
      <p className="muted small">{t('reports.decileRule', { min, below: below.join(', ') || t('reports.nobody') })}</p>
      <table className="report-table decile-table">
        <TableHead columns={[null, t('reports.top'), t('reports.bottom'), t('reports.gap'), t('reports.gapTrend')]} />
        <tbody>
          {DECILE_METRICS.map((m) => {
            const d = deciles[m];
            const group = (g: DecileDto['top'], end: 'top' | 'bottom') =>
              g === null ? (
                '—'
              ) : (
                <span className={`decile-${end}`}>
                  <strong>{metricValue(f, m, g.value)}</strong>{' '}
                  {g.agents.map((a) => (
                    <button
                      key={a.agentId}
                      type="button"
                      className="figure agent-chip"
                      onClick={() =>
                        p.onPick({
                          agentId: a.agentId,
                          metric: m,
                          label: `${names.get(a.agentId)}: ${t(`reports.${m}`)}`,
                        })
                      }
                    >
                      {names.get(a.agentId) ?? `#${a.agentId}`}
                    </button>
                  ))}
                </span>
              );
            return (
              <tr key={m}>
                <th scope="row">{t(`reports.${m}`)}</th>
                <td>{group(d.top, 'top')}</td>
                <td>{group(d.bottom, 'bottom')}</td>
                <td className="gap">{metricValue(f, m, d.gap, false)}</td>
                <td>
                  <Sparkline
                    values={d.trend.map((x) => x.gap)}
                    label={`${t(`reports.${m}`)}: ${t('reports.gapTrend')}`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
