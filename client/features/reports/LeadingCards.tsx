import { useTranslation } from 'react-i18next';
import { useFormat } from '#client/i18n/format';
import type { LeadingMetric, LeadingReport } from '#shared/schemas/reports';
import type { Pick } from './AgentTable';
import { percent } from './reportFormat';

/**
 * Expectations exceeded, returning customers and compliments: the indicators that move before NPS.
 * Each value lists the conversations behind it.
 */
export function LeadingCards({ report, onPick }: { report: LeadingReport; onPick(p: Pick): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const n = (x: number) => new Intl.NumberFormat(f.locale).format(x);
  const e = report.expectations;
  const r = report.returning;
  const c = report.compliments;
  const cards: Array<{ key: string; metric: LeadingMetric; value: string; hint: string }> = [
    {
      key: 'exceeded',
      metric: 'expectations',
      value: percent(f.locale, e.share),
      hint: t('reports.exceededHint', { exceeded: n(e.exceeded), promised: n(e.promised) }),
    },
    {
      key: 'returning',
      metric: 'returning',
      value: percent(f.locale, r.share),
      hint: t('reports.returningHint', {
        returned: n(r.returned),
        customers: n(r.customers),
        improved: n(r.improved),
        compared: n(r.compared),
      }),
    },
    {
      key: 'compliments',
      metric: 'compliments',
      value: n(c.count),
      hint: t('reports.complimentsHint', { episodes: n(c.episodes) }),
    },
  ];
  return (
    <section className="leading" aria-labelledby="leading-title">
      <h2 id="leading-title">{t('reports.leading')}</h2>
      <div className="leading-cards">
        {cards.map((x) => (
          <div key={x.key} className="report-card leading-card">
            <h3>{t(`reports.${x.key}`)}</h3>
            <p className="leading-value">
              <button
                type="button"
                className="figure"
                aria-label={`${t(`reports.${x.key}`)} ${x.value}`}
                onClick={() => onPick({ metric: x.metric, label: t(`reports.${x.key}`) })}
              >
                {x.value}
              </button>
            </p>
            <p className="muted small">{x.hint}</p>
          </div>
        ))}
      </div>
    </section>
  );
}
