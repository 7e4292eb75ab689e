/** Initials avatar with a stable colour per name. */
export function Avatar({ name, size = 24, presence }: { name: string; size?: number; presence?: 'online' | 'away' | 'offline' }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]?.toUpperCase() ?? '')
    .join('');
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) % 360;
  return (
    <span className="avatar" style={{ width: size, height: size, background: `hsl(${h} 55% 42%)`, fontSize: size * 0.42 }} title={name} aria-label={name} role="img">
      {initials}
      {presence && <span className={`presence-dot presence-${presence}`} aria-hidden="true" />}
    </span>
  );
}
