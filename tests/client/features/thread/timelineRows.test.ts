import { describe, expect, it } from 'vitest';
import { buildTimelineRows, detectedLanguage } from '#client/features/thread/timelineRows';
import { make } from '#tests/client/helpers/harness';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 2, 3, 12, 0);

describe('timeline rows', () => {
  it('closes an episode before the next day begins, and marks channel switches', () => {
    const rows = buildTimelineRows(
      [make.message(1, { sortTs: t0 }), make.message(2, { sortTs: t0 + 2 * DAY, episodeId: 2, channel: 'whatsapp' })],
      [],
    );
    expect(rows.map((r) => r.kind)).toEqual(['day', 'message', 'episode', 'day', 'switch', 'message']);
  });

  it('keeps every existing row key when older history is prepended, and never starts a paged history with a heading', () => {
    const later = [make.message(50, { sortTs: t0 + 50_000 }), make.message(51, { sortTs: t0 + DAY, channel: 'email' })];
    const older = [make.message(10, { sortTs: t0 }), make.message(11, { sortTs: t0 + 1000 })];
    const before = buildTimelineRows(later, [], [], true);
    expect(before[0].kind).toBe('message');
    const after = buildTimelineRows([...older, ...later], [], [], false);
    const keys = new Set(after.map((r) => r.key));
    for (const r of before) expect(keys.has(r.key)).toBe(true);
    expect(after[0].kind).toBe('day');
  });

  it('reads the language the customer last wrote in', () => {
    expect(
      detectedLanguage([
        make.message(1, { sentiment: { score: 0, label: 'neutral', language: 'th' } }),
        make.message(2, { sentiment: { score: 0, label: 'neutral', language: 'und' } }),
      ]),
    ).toBe('th');
    expect(detectedLanguage([])).toBeNull();
  });
});
