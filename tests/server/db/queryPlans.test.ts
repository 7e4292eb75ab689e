import { afterAll, describe, expect, it } from 'vitest';
import { statements } from '#server/db/statements';
import { pageStatements } from '#server/db/pageStatements';
import { listStatement, type ListShape } from '#server/services/threadListQuery';
import { countStatements } from '#server/services/threadCounts';
import { tempDb } from '#tests/helpers/db';

// The inbox's hot queries must read big tables through an index (SEARCH), never walk them (SCAN),
// and never sort a page in a temporary B-tree: at 2M messages either one costs hundreds of ms.
const BIG_TABLES = ['threads', 'messages', 'customers', 'identities', 'episodes', 'thread_reads', 'events'];

const t = tempDb();
afterAll(() => t.cleanup());

/** The plan lines of a statement's SQL (bound values do not change the plan: there are no stats). */
function plan(source: string, params: unknown[] | Record<string, unknown>): string[] {
  const explain = t.db.$client.prepare(`explain query plan ${source}`);
  const rows = (Array.isArray(params) ? explain.all(...params) : explain.all(params)) as Array<{ detail: string }>;
  return rows.map((r) => r.detail);
}

/** What is wrong with a plan: scans of big tables (by name or alias) and sorts in a temporary B-tree. */
function problems(lines: string[], aliases: Record<string, string> = {}): string[] {
  return lines.filter((l) => {
    const scanned = /^SCAN (\w+)/.exec(l)?.[1];
    const table = scanned ? (aliases[scanned] ?? scanned) : undefined;
    return (table !== undefined && BIG_TABLES.includes(table)) || /TEMP B-TREE FOR ORDER BY/.test(l);
  });
}

/** The threads columns a list statement's filters read (its WHERE clause), the channel list aside. */
function filterColumns(source: string): string[] {
  // The statement's own WHERE starts a line (the unread subquery among the columns has one too).
  const where = /\n\s*where ([\s\S]*)\n\s*order by/.exec(source)?.[1] ?? '';
  const cols = [...where.matchAll(/threads\.(\w+)/g)].map((m) => m[1]);
  return [...new Set(cols)].filter((c) => c !== 'channels');
}

/** The columns of `columns` an index holds neither as a key nor through its partial WHERE (live threads). */
function uncovered(index: string, columns: string[]): string[] {
  const keys = (t.db.$client.prepare(`pragma index_xinfo("${index}")`).all() as Array<{ name: string | null }>)
    .map((c) => c.name)
    .concat('id');
  const sql = t.db.$client.prepare(`select sql from sqlite_master where name = ?`).pluck().get(index) as string;
  const live = /where "merged_into_thread_id" is null$/i.test(sql);
  return columns.filter((c) => !keys.includes(c) && !(live && c === 'merged_into_thread_id'));
}

const drizzleSource = (st: unknown) => (st as { stmt: { source: string } }).stmt.source;
const positional = (source: string) => Array<number>((source.match(/\?/g) ?? []).length).fill(1);
// Every named parameter a list statement may have (a statement ignores those it does not name).
const LIST_PARAMS = {
  me: 1,
  status: 'open',
  assignee: 1,
  team: 1,
  channel: 'sms',
  teams: '[1]',
  k: 1,
  id: 1,
  limit: 51,
};

describe('query plans of the hot inbox queries', () => {
  const shapes: ListShape[] = [];
  for (const limited of [true, false])
    for (const sort of ['waiting', 'activity', 'priority'] as const)
      for (const cursor of [false, true])
        for (const assignee of ['any', 'unassigned'] as const)
          shapes.push({ status: true, assignee, team: false, channel: false, limited, sort, cursor });

  it.each(shapes.map((s) => [JSON.stringify(s), s] as const))(
    'list page %s reads threads in index order',
    (_, shape) => {
      const lines = plan(listStatement(t.db, shape).source, LIST_PARAMS);
      // A next page enters the index at the cursor's key (status=? AND key>?), a first page at its status.
      const entry = shape.cursor ? /status=\? AND (<expr>|last_message_at)[<>]\?\)/ : /status=\?\)/;
      // The unassigned view seeks the live unassigned threads (assignee IS NULL) of the per-assignee index.
      const own = shape.assignee === 'unassigned';
      const index = new RegExp(`^SEARCH threads USING INDEX threads_${own ? 'assignee' : 'inbox'}_${shape.sort}_idx `);
      expect(lines.some((l) => index.test(l) && entry.test(l))).toBe(true);
      expect(problems(lines)).toEqual([]);
    },
  );

  // Mine / one agent's threads: never sorted in a temporary B-tree.
  it.each(
    (['me', 'id'] as const).flatMap((assignee) =>
      (['waiting', 'activity', 'priority'] as const).flatMap((sort) =>
        [false, true].map((cursor) => {
          const shape: ListShape = { status: true, assignee, team: false, channel: false, limited: true, sort, cursor };
          return [JSON.stringify(shape), shape] as const;
        }),
      ),
    ),
  )('list page %s sorts in no temporary B-tree', (_, shape) => {
    const lines = plan(listStatement(t.db, shape).source, LIST_PARAMS);
    expect(problems(lines)).toEqual([]);
    // Every page seeks that agent's threads of the status in sort order (threads_assignee_*_idx).
    expect(
      lines.some((l) =>
        l.startsWith(`SEARCH threads USING INDEX threads_assignee_${shape.sort}_idx (assignee_id=? AND status=?`),
      ),
    ).toBe(true);
  });

  // Every list shape the inbox asks for (status set: the client never lists every status at once):
  // the threads of the page are sought in sort order, and every filter but the channel is checked on
  // the index entry, so a thread the viewer may not see or did not ask for costs no table read (at 2M
  // messages an agent of one team in five read ≈ 4 rows per row shown; a resolved-by-priority page 32 ms).
  const hot: ListShape[] = [];
  for (const assignee of ['any', 'me', 'unassigned', 'id'] as const)
    for (const [team, channel] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const)
      for (const limited of [true, false])
        for (const sort of ['waiting', 'activity', 'priority'] as const)
          for (const cursor of [false, true])
            if (assignee === 'any' || (!team && !channel))
              hot.push({ status: true, assignee, team, channel, limited, sort, cursor });

  it.each(hot.map((s) => [JSON.stringify(s), s] as const))('list page %s filters inside its index', (_, shape) => {
    const source = listStatement(t.db, shape).source;
    const lines = plan(source, LIST_PARAMS);
    expect(problems(lines)).toEqual([]);
    const used = lines.map((l) => /^SEARCH threads USING INDEX (\w+)/.exec(l)?.[1]).find(Boolean);
    expect(used).toBe(`threads_${shape.assignee === 'any' ? 'inbox' : 'assignee'}_${shape.sort}_idx`);
    // The channel filter reads the thread's channel list (JSON) from the row: the one filter left to it.
    expect({ used, missing: uncovered(used ?? '', filterColumns(source)) }).toEqual({ used, missing: [] });
  });

  it('counts read the tallies, the unread per agent and the agent’s own threads through indexes', () => {
    const params = { all: 0, keys: '[0,1]', teams: '[1]', me: 1 };
    for (const [name, st] of Object.entries(countStatements(t.db))) {
      const lines = plan(st.source, params);
      expect({ name, problems: problems(lines, { t: 'threads', r: 'thread_reads' }) }).toEqual({ name, problems: [] });
    }
  });

  it('a page’s customer hints, tiers and SLA episodes are read by key for the whole page', () => {
    const s = pageStatements(t.db);
    const sources = [
      s.hintSourcesOfCustomers.source,
      drizzleSource(s.tiersOfCustomers),
      drizzleSource(s.episodesByIds),
    ];
    for (const source of sources) {
      const lines = plan(
        source,
        source.includes(':ids') ? { ids: '[1,2,3]' } : positional(source).map(() => '[1,2,3]'),
      );
      expect(lines.some((l) => /^SEARCH (identities|customers|episodes) USING /.test(l))).toBe(true);
      expect({ source, problems: problems(lines) }).toEqual({ source, problems: [] });
    }
  });

  it('a list page reads each row’s customer and current episode by key', () => {
    const shape: ListShape = {
      status: true,
      assignee: 'any',
      team: false,
      channel: false,
      limited: true,
      sort: 'waiting',
      cursor: false,
    };
    const lines = plan(listStatement(t.db, shape).source, LIST_PARAMS);
    expect(lines.some((l) => /^SEARCH customers USING INTEGER PRIMARY KEY/.test(l))).toBe(true);
    expect(lines.some((l) => /^SEARCH episodes USING INTEGER PRIMARY KEY/.test(l))).toBe(true);
    expect(problems(lines, { r: 'thread_reads' })).toEqual([]);
  });

  it('opening a thread reads by key and pages messages in index order', () => {
    const s = statements(t.db);
    const hot = [
      s.threadById,
      s.customerById,
      s.identitiesOfCustomer,
      s.episodesOfThread,
      s.newestMessages,
      s.messagesBefore,
    ];
    for (const st of hot) {
      const source = drizzleSource(st);
      expect({ source, problems: problems(plan(source, positional(source))) }).toEqual({ source, problems: [] });
    }
  });

  it('flags a filter column an index lacks (the check can fail)', () => {
    const where = filterColumns(listStatement(t.db, { ...hot[0], limited: true, team: true }).source);
    expect(where).toEqual(expect.arrayContaining(['merged_into_thread_id', 'status', 'team_id', 'assignee_id']));
    expect(uncovered('threads_team_idx', where)).toEqual(['merged_into_thread_id', 'assignee_id']);
  });

  it('flags a scan and a temporary sort (the check can fail)', () => {
    const lines = plan('select * from threads order by updated_at', []);
    expect(problems(lines)).toHaveLength(2);
  });
});
