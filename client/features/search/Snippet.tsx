import type { ReactNode } from 'react';

/**
 * A snippet with its matched ranges in <mark>: the text is split into plain strings and marks,
 * so whatever a customer wrote is rendered as text (never parsed as HTML).
 */
export function Snippet({ text, highlights }: { text: string; highlights: Array<[number, number]> }) {
  const parts: ReactNode[] = [];
  let at = 0;
  const ranges = [...highlights].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of ranges) {
    const s = Math.max(start, at);
    const e = Math.min(end, text.length);
    if (e <= s) continue;
    if (s > at) parts.push(text.slice(at, s));
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <span className="snippet" dir="auto">
      {parts}
    </span>
  );
}
