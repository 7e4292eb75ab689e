import { useMemo, useState } from 'react';
import { pickVariant, useCannedResponses } from '#client/api/canned';
import type { CannedOption } from './CannedMenu';
import { cannedToken, fillCanned, matchShortcuts, type CannedToken } from './cannedMatch';

/** State of the "/shortcut" suggestions for the composer text at the caret. */
export function useCannedSuggest(
  text: string,
  caret: number,
  ctx: { customerLanguage: string | null; agentLocale: string; customerName: string; agentName: string },
) {
  const canned = useCannedResponses().data;
  const [active, setActive] = useState(0);
  const [closedAt, setClosedAt] = useState<number | null>(null);
  const token: CannedToken | null = cannedToken(text, caret);
  const open = token !== null && closedAt !== token.start;
  const options: CannedOption[] = useMemo(() => {
    if (!token || !canned) return [];
    // A shortcut's group always has a variant; one without would offer nothing.
    return matchShortcuts(canned, token.query).flatMap((g) => {
      const chosen = pickVariant(g.variants, ctx.customerLanguage, ctx.agentLocale);
      if (!chosen) return [];
      return {
        shortcut: g.shortcut,
        chosen,
        preview: fillCanned(chosen.body, { customer: ctx.customerName, agent: ctx.agentName }),
        languages: g.variants.map((v) => v.language),
      };
    });
  }, [token?.query, canned, ctx.customerLanguage, ctx.agentLocale, ctx.customerName, ctx.agentName]); // eslint-disable-line react-hooks/exhaustive-deps
  const index = Math.min(active, Math.max(0, options.length - 1));
  return {
    open,
    options,
    /** Whether a canned response with exactly this shortcut exists (in any language). */
    known: (shortcut: string) => (canned ?? []).some((c) => c.shortcut.toLowerCase() === shortcut.toLowerCase()),
    active: index,
    move(delta: number) {
      if (options.length > 0) setActive((index + delta + options.length) % options.length);
    },
    close() {
      if (token) setClosedAt(token.start);
    },
    /** The text with the token replaced by the filled-in body, and where the caret goes. */
    apply(o: CannedOption): { text: string; caret: number } | null {
      if (!token) return null;
      setActive(0);
      return {
        text: text.slice(0, token.start) + o.preview + text.slice(token.end),
        caret: token.start + o.preview.length,
      };
    },
  };
}
