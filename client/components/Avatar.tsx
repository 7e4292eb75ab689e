/** Stable hue for a name, so an agent keeps their colour everywhere. */
function hueOf(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) % 360;
  return h;
}

/** Initials avatar with a stable colour per name and an optional presence dot. */
export function Avatar({
  name,
  size = 24,
  presence,
  label,
}: {
  name: string;
  size?: number;
  presence?: 'online' | 'away' | 'offline';
  label?: string;
}) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]?.toUpperCase() ?? '')
    .join('');
  const text = label ?? name;
  return (
    <span
      className="avatar"
      style={{
        width: size,
        height: size,
        background: `hsl(${hueOf(name)} 45% 40%)`,
        fontSize: Math.round(size * 0.42),
      }}
      title={text}
      aria-label={text}
      role="img"
    >
      {initials}
      {presence && <span className={`presence-dot presence-${presence}`} aria-hidden="true" />}
    </span>
  );
}
