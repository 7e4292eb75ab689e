import type { Db } from '#server/db/connection';
import { boardStatements } from '#server/db/boardStatements';

/** A team (0 = no team) and a channel ('*' = the whole team) as board_waits counts them. */
export type WaitKey = readonly [teamKey: number, channel: string];

type Rows = Array<[bucket: number, n: number]>;

/** The bucket holding position `k` of the rows' entries and k's place inside it (null past the end). */
function locate(rows: Rows, k: number): { bucket: number; rest: number } | null {
  let before = 0;
  for (const [bucket, n] of rows) {
    if (k < before + n) return { bucket, rest: k - before };
    before += n;
  }
  return null;
}

/** Several keys' rows added up, bucket by bucket, in order. */
function added(lists: readonly Rows[]): Rows {
  if (lists.length === 1) return lists[0];
  const by = new Map<number, number>();
  for (const list of lists) for (const [b, n] of list) by.set(b, (by.get(b) ?? 0) + n);
  return [...by].sort((x, y) => x[0] - y[0]);
}

const id = (k: WaitKey, bucket?: number) => `${k[0]}|${k[1]}|${bucket ?? ''}`;

/**
 * The median "waiting since" of each query (null when nobody waits): the customers waiting now on
 * its keys counted together — for "All teams", several whole teams, whose median is the median of
 * all of them, not a mean of their medians. Three statements for all the queries together, whatever
 * the number waiting: every key's hour rows (board_waits, kept by triggers); the minute of the hour
 * holding each middle position, added up in SQLite; and the customer at that place among those who
 * began waiting in that minute (short ranges of the board's waiting indexes). `counted` is told how
 * many wait on each key asked (from the hour rows, at no extra read).
 */
export function waitMedians(
  db: Db,
  queries: ReadonlyArray<readonly WaitKey[]>,
  counted?: (key: WaitKey, waiting: number) => void,
): Array<number | null> {
  const s = boardStatements(db);
  const keys = new Map<string, WaitKey>();
  for (const q of queries) for (const k of q) keys.set(id(k), k);
  if (keys.size === 0) return queries.map(() => null);
  const asked = [...keys.values()];
  const hours = new Map<string, Rows>();
  for (const [i, bucket, n] of s.waitHoursOf.all({ keys: JSON.stringify(asked) })) {
    const k = id(asked[i]);
    const list = hours.get(k);
    if (list) list.push([bucket, n]);
    else hours.set(k, [[bucket, n]]);
  }
  if (counted)
    for (const k of asked)
      counted(
        k,
        (hours.get(id(k)) ?? []).reduce((sum, [, n]) => sum + n, 0),
      );
  // The middle positions of each query (one for an odd count) and the hour holding each; p numbers them.
  const positions: Array<{ q: number; hour: number; rest: number }> = [];
  const asks = queries.map((q, qi) => {
    const rows = added(q.map((k) => hours.get(id(k)) ?? []));
    const count = rows.reduce((sum, [, n]) => sum + n, 0);
    if (count === 0) return [];
    const [lo, hi] = middles(count);
    return (lo === hi ? [lo] : [lo, hi]).map((r) => {
      const h = locate(rows, r);
      return h ? positions.push({ q: qi, hour: h.bucket, rest: h.rest }) - 1 : -1;
    });
  });
  const minuteWants = positions.flatMap((pos, p) => queries[pos.q].map((k) => [k[0], k[1], pos.hour, pos.rest, p]));
  const inMinute = new Map<number, [number, number]>();
  for (const [p, minute, rest] of s.waitMinuteAt.all({ wants: JSON.stringify(minuteWants) }))
    inMinute.set(p, [minute, rest]);
  const valueWants = positions.flatMap((pos, p) => {
    const m = inMinute.get(p);
    return m ? queries[pos.q].map((k) => [k[0], k[1], m[0], m[1], p]) : [];
  });
  const value = new Map<number, number>();
  for (const [p, since] of s.waitAt.all({ wants: JSON.stringify(valueWants) })) value.set(p, since);
  return asks.map((ps) => {
    if (ps.length === 0) return null;
    const [lo, hi = lo] = ps.map((p) => value.get(p) ?? null);
    return lo === null || hi === null ? null : Math.round((lo + hi) / 2);
  });
}

/** The two middle positions of `count` sorted entries (the same one when `count` is odd). */
export function middles(count: number): [number, number] {
  return count % 2 === 1 ? [(count - 1) / 2, (count - 1) / 2] : [count / 2 - 1, count / 2];
}

/** The key of a team (null = no team) as board_waits stores it, whole or one channel. */
export function waitKey(teamId: number | null, channel = '*'): WaitKey {
  return [teamId ?? 0, channel];
}
