import { useTranslation } from 'react-i18next';

const W = 72;
const H = 20;

/** A tiny line of the customer's mood over their recent messages (−1 bottom, +1 top); nothing below two points. */
export function SentimentTrend({ scores }: { scores: number[] }) {
  const { t } = useTranslation();
  if (scores.length < 2) return null;
  const x = (i: number) => (i / (scores.length - 1)) * (W - 4) + 2;
  const y = (s: number) => ((1 - Math.max(-1, Math.min(1, s))) / 2) * (H - 4) + 2;
  const points = scores.map((s, i) => `${x(i).toFixed(1)},${y(s).toFixed(1)}`).join(' ');
  const last = scores[scores.length - 1];
  const recent = scores.slice(-3).reduce((a, b) => a + b, 0) / Math.min(3, scores.length);
  const earlier =
    scores.slice(0, Math.max(1, scores.length - 3)).reduce((a, b) => a + b, 0) / Math.max(1, scores.length - 3);
  const direction = recent - earlier > 0.15 ? 'better' : earlier - recent > 0.15 ? 'worse' : 'steady';
  const tone = last <= -0.2 ? 'negative' : last >= 0.2 ? 'positive' : 'neutral';
  const label = t('sentiment.trend', { direction: t(`sentiment.${direction}`), score: last.toFixed(2) });
  return (
    <svg className={`trend trend-${tone}`} width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <title>{label}</title>
      <line x1="0" x2={W} y1={H / 2} y2={H / 2} className="trend-mid" />
      <polyline points={points} fill="none" strokeWidth="1.5" strokeLinejoin="round" strokeLinecap="round" />
      <circle cx={x(scores.length - 1)} cy={y(last)} r="2.2" />
    </svg>
  );
}
