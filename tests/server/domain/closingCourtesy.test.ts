import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COURTESY_WINDOW_MS, isClosingCourtesy, keepsResolved } from '#server/domain/closingCourtesy';

// The table of real messages customers send after a resolve (tests/fixtures/courtesy/closings.json),
// each with the answer a support lead would give: only a courtesy, or something an agent must read.
interface Case {
  lang: string;
  text: string;
  closing: boolean;
}
const { cases } = JSON.parse(readFileSync('tests/fixtures/courtesy/closings.json', 'utf8')) as { cases: Case[] };

describe('closing courtesy after a resolve, in en, pl, th and zh', () => {
  it('has the whole table (at least 40 messages, both answers in each language)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const lang of ['en', 'pl', 'th', 'zh'])
      expect(new Set(cases.filter((c) => c.lang === lang).map((c) => c.closing))).toEqual(new Set([true, false]));
  });
  it.each(cases.map((c) => [c.lang, c.text, c.closing] as const))('%s %j → closing %s', (_lang, text, closing) => {
    expect(isClosingCourtesy(text)).toBe(closing);
  });
});

describe('keepsResolved', () => {
  const resolvedAt = 1_000_000;
  it('keeps a thanks within the window, not after it, not with attachments, not without a resolve', () => {
    const thanks = { text: 'Thanks!', hasAttachments: false, at: resolvedAt + 60_000 };
    expect(keepsResolved(thanks, resolvedAt)).toBe(true);
    expect(keepsResolved({ ...thanks, at: resolvedAt + COURTESY_WINDOW_MS + 1 }, resolvedAt)).toBe(false);
    expect(keepsResolved({ ...thanks, hasAttachments: true }, resolvedAt)).toBe(false);
    expect(keepsResolved(thanks, null)).toBe(false);
  });
});
