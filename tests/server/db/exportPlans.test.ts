import { afterAll, describe, expect, it } from 'vitest';
import { windowQuery } from '#server/services/exports/conversations';
import { NTH_IN_WINDOW } from '#server/services/exports/episodeWindows';
import { ConversationExportQuerySchema } from '#shared/schemas/exports';
import type { Viewer } from '#server/domain/access';
import { tempDb } from '#tests/helpers/db';

// Every statement of the conversations export reads one window of episodes_opened_idx, whatever the
// filters and the viewer: a statement that scans episodes (or walks them by id from the start of
// time, as the export did) costs hundreds of ms at 2M messages and holds every other request.
const BIG_TABLES = ['threads', 'messages', 'customers', 'identities', 'episodes', 'sla_alerts', 'events'];
const WINDOW = { afterAt: 0, afterId: 0, lastAt: 1, lastId: 1 };

const t = tempDb();
afterAll(() => t.cleanup());

function plan(source: string, params: unknown[]): string[] {
  const rows = t.db.$client.prepare(`explain query plan ${source}`).all(...params) as Array<{ detail: string }>;
  return rows.map((r) => r.detail);
}

/** Plan lines that read a big table other than by key or index, or sort in a temporary B-tree. */
function problems(lines: string[]): string[] {
  return lines.filter((l) => BIG_TABLES.includes(/^SCAN (\w+)/.exec(l)?.[1] ?? '') || /TEMP B-TREE/.test(l));
}

const readsWindow = (lines: string[]) =>
  lines.some((l) =>
    /^SEARCH episodes USING (COVERING )?INDEX episodes_opened_idx \(opened_at>\? AND opened_at<\?\)/.test(l),
  );

const supervisor: Viewer = { id: 1, role: 'supervisor', teamIds: [] };
const agent: Viewer = { id: 2, role: 'agent', teamIds: [1, 2] };
const FILTERS = [
  {},
  { from: '2026-01-01', to: '2026-01-31', tz: 'Asia/Bangkok' },
  { teamId: '1', agentId: '3', status: 'resolved', channel: 'line' },
  { sentiment: 'negative', surveyKind: 'csat', scoreMin: '1', scoreMax: '3', slaBreached: 'true', tag: 'vip' },
  { slaBreached: 'false', basis: 'business' },
];

describe('query plans of the conversations export', () => {
  for (const viewer of [supervisor, agent])
    for (const filters of FILTERS)
      for (const count of [false, true])
        it(`${count ? 'counts' : 'reads'} one window of the index (${viewer.role}, ${JSON.stringify(filters)})`, () => {
          const q = windowQuery(viewer, ConversationExportQuerySchema.parse(filters), count);
          const lines = plan(q.sql, [...q.params, WINDOW]);
          expect(lines[0]).toMatch(/^SEARCH episodes /); // episodes drive the join, the rest by key
          expect(readsWindow(lines)).toBe(true);
          expect(problems(lines)).toEqual([]);
        });

  it('finds the end of a window in the index alone', () => {
    const lines = plan(NTH_IN_WINDOW, [{ ...WINDOW, skip: 249 }]);
    expect(lines).toEqual(['SEARCH episodes USING COVERING INDEX episodes_opened_idx (opened_at>? AND opened_at<?)']);
  });

  it('flags a statement that walks episodes by id (the check can fail)', () => {
    const lines = plan('select * from episodes where id > ? and opened_at >= ? order by id limit 500', [0, 1]);
    expect(readsWindow(lines)).toBe(false);
    expect(
      problems(plan('select count(*) from episodes join threads on threads.id = episodes.thread_id', [])),
    ).not.toEqual([]);
  });
});
