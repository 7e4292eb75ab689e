import type { CannedResponse } from '#shared/schemas/canned';

/** A "/shortcut" being typed just before the caret. */
export interface CannedToken {
  start: number;
  end: number;
  query: string;
}

/** The "/word" right before the caret (at the start or after whitespace), or null. */
export function cannedToken(text: string, caret: number): CannedToken | null {
  const m = /(^|\s)\/([\p{L}\p{M}\p{N}_-]*)$/u.exec(text.slice(0, caret));
  if (!m) return null;
  return { start: caret - m[2].length - 1, end: caret, query: m[2].toLowerCase() };
}

/** Shortcuts matching a query (prefix matches first, then title matches), one entry per shortcut. */
export function matchShortcuts(
  all: CannedResponse[],
  query: string,
  limit = 8,
): Array<{ shortcut: string; variants: CannedResponse[] }> {
  const groups = new Map<string, CannedResponse[]>();
  for (const c of all) groups.set(c.shortcut, [...(groups.get(c.shortcut) ?? []), c]);
  const q = query.toLowerCase();
  const scored: Array<{ shortcut: string; variants: CannedResponse[]; score: number }> = [];
  for (const [shortcut, variants] of groups) {
    const score = shortcut.startsWith(q)
      ? 0
      : shortcut.includes(q)
        ? 1
        : variants.some((v) => v.title.toLowerCase().includes(q))
          ? 2
          : -1;
    if (score >= 0) scored.push({ shortcut, variants, score });
  }
  return scored.sort((a, b) => a.score - b.score || a.shortcut.localeCompare(b.shortcut)).slice(0, limit);
}

/** Fill the few placeholders a canned body may use: {{name}}, {{first_name}}, {{agent}}. */
export function fillCanned(body: string, vars: { customer: string; agent: string }): string {
  const first = vars.customer.split(/\s+/)[0] ?? vars.customer;
  return body.replace(/\{\{\s*(name|first_name|agent)\s*\}\}/g, (_m, k: string) =>
    k === 'name' ? vars.customer : k === 'first_name' ? first : vars.agent,
  );
}
