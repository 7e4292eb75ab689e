import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useFormat } from '#client/i18n/format';
import type { TeamReport } from '#shared/schemas/reports';
import type { Pick } from './AgentTable';

const HEIGHT = 200;

/** One uPlot chart, sized to its box and redrawn when its data changes. */
function UChart(p: { opts: Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const { opts, data } = p;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = new uPlot({ ...opts, width: Math.max(240, el.clientWidth), height: HEIGHT }, data, el);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(240, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [opts, data]);
  return <div ref={box} className="report-chart" role="img" aria-label={p.label} />;
}

const axis = { stroke: '#5b6472', grid: { stroke: '#e6e8ec' }, ticks: { stroke: '#e6e8ec' } };

/**
 * Histogram of first-response waits and the trend of the median and CSAT, drawn with uPlot. Under the
 * histogram each bin is a button listing the conversations in it (the canvas alone is not clickable
 * for a keyboard or a screen reader).
 */
export default function Charts({ report, onPick }: { report: TeamReport; onPick(p: Pick): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const histogram = useMemo(() => {
    const bins = report.histogram.map((b) =>
      b.upToMs === null ? t('reports.longer') : t('reports.upTo', { d: f.duration(b.upToMs) }),
    );
    const opts: Omit<uPlot.Options, 'width' | 'height'> = {
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, bins.length - 0.5] } },
      axes: [
        { ...axis, values: (_u, ticks) => ticks.map((i) => bins[i] ?? ''), splits: () => bins.map((_b, i) => i) },
        { ...axis, size: 40 },
      ],
      series: [
        {},
        {
          label: t('reports.firstResponse'),
          fill: '#3b6fd8',
          stroke: '#3b6fd8',
          paths: uPlot.paths.bars!({ size: [0.7, 60] }),
        },
      ],
    };
    const data: uPlot.AlignedData = [bins.map((_b, i) => i), report.histogram.map((b) => b.count)];
    return { opts, data };
  }, [report.histogram, f, t]);

  const trend = useMemo(() => {
    const opts: Omit<uPlot.Options, 'width' | 'height'> = {
      scales: { x: { time: true }, y: { auto: true }, csat: { range: [1, 5] } },
      axes: [
        { ...axis, values: (_u, ticks) => ticks.map((s) => f.shortDate(s * 1000)) },
        { ...axis, size: 56, values: (_u, ticks) => ticks.map((ms) => f.duration(ms)) },
        { ...axis, scale: 'csat', side: 1, grid: { show: false } },
      ],
      series: [
        { value: (_u, s) => (s === null ? '' : f.shortDate(s * 1000)) },
        {
          label: t('reports.firstResponse'),
          stroke: '#3b6fd8',
          width: 2,
          spanGaps: true,
          value: (_u, v) => (v === null ? '—' : f.duration(v)),
        },
        { label: t('reports.csat'), stroke: '#1f9d55', width: 2, scale: 'csat', spanGaps: true },
      ],
    };
    const data: uPlot.AlignedData = [
      report.trend.map((p) => p.from / 1000),
      report.trend.map((p) => p.firstResponseMedian),
      report.trend.map((p) => p.csat),
    ];
    return { opts, data };
  }, [report.trend, f, t]);

  return (
    <div className="report-charts">
      <section className="report-card">
        <h2>{t('reports.histogram')}</h2>
        <UChart opts={histogram.opts} data={histogram.data} label={t('reports.histogram')} />
        <ul className="histogram-bins">
          {report.histogram.map((b, i) => {
            const above = i === 0 ? undefined : (report.histogram[i - 1].upToMs ?? undefined);
            const bin = b.upToMs === null ? t('reports.longer') : t('reports.upTo', { d: f.duration(b.upToMs) });
            const label = `${t('reports.firstResponse')}: ${bin}`;
            return (
              <li key={i}>
                <button
                  type="button"
                  className="figure"
                  disabled={b.count === 0}
                  aria-label={`${label} ${b.count}`}
                  onClick={() => onPick({ metric: 'firstResponse', label, above, upTo: b.upToMs ?? undefined })}
                >
                  <span className="muted small">{bin}</span> {new Intl.NumberFormat(f.locale).format(b.count)}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="report-card">
        <h2>{t('reports.trend')}</h2>
        <UChart opts={trend.opts} data={trend.data} label={t('reports.trend')} />
      </section>
    </div>
  );
}
