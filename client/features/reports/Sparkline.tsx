/**
 * A tiny line of a figure over the last periods, oldest first (no library: a few points in an SVG).
 * Periods without a value leave a gap in the x axis; fewer than two values draw nothing.
 */
export function Sparkline({
  values,
  label,
  width = 74,
}: {
  values: Array<number | null>;
  label: string;
  width?: number;
}) {
  const pts = values.map((v, i) => ({ i, v })).filter((p): p is { i: number; v: number } => p.v !== null);
  if (pts.length < 2) return null;
  const max = Math.max(...pts.map((p) => p.v));
  const min = Math.min(...pts.map((p) => p.v));
  const x = (i: number) => (i / Math.max(1, values.length - 1)) * (width - 4) + 2;
  const y = (v: number) => 20 - ((v - min) / (max - min || 1)) * 16;
  return (
    <svg className="sparkline" width={width} height="24" role="img" aria-label={label}>
      <polyline fill="none" points={pts.map((p) => `${x(p.i)},${y(p.v)}`).join(' ')} />
      <circle r="2" cx={x(pts[pts.length - 1].i)} cy={y(pts[pts.length - 1].v)} />
    </svg>
  );
}
