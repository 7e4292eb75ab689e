// Keyset windows over episodes_opened_idx (opened_at, id): an export reads episodes one window at a
// time, so every statement it runs reads a bounded stretch of the index, whatever its filters keep.
import type { Db } from '#server/db/connection';

/** A position in (opened_at, id) order. */
export interface EpisodeKey {
  at: number;
  id: number;
}

/** The episodes after `after` up to and including `last`, in (opened_at, id) order. */
export interface EpisodeWindow {
  after: EpisodeKey;
  last: EpisodeKey;
}

/** SQL parameters of a window, named as the export statements use them. */
export function windowParams(w: EpisodeWindow): { afterAt: number; afterId: number; lastAt: number; lastId: number } {
  return { afterAt: w.after.at, afterId: w.after.id, lastAt: w.last.at, lastId: w.last.id };
}

/** The window condition over the index, with named parameters (see windowParams). */
export const IN_WINDOW =
  '(episodes.opened_at, episodes.id) > (:afterAt, :afterId) and (episodes.opened_at, episodes.id) <= (:lastAt, :lastId)';

/** The key `:skip` index entries into a window (read from the index alone). */
export const NTH_IN_WINDOW = `select opened_at as at, id from episodes indexed by episodes_opened_idx where ${IN_WINDOW}
  order by opened_at, id limit 1 offset :skip`;

const ANY_ID = Number.MAX_SAFE_INTEGER;
const nthAfter = new WeakMap<Db, ReturnType<Db['$client']['prepare']>>();

/** The key `skip` index entries after `after` (null when the range ends first): reads only the index. */
function keyAfter(db: Db, after: EpisodeKey, last: EpisodeKey, skip: number): EpisodeKey | null {
  let st = nthAfter.get(db);
  if (!st) {
    st = db.$client.prepare(NTH_IN_WINDOW);
    nthAfter.set(db, st);
  }
  return (st.get({ ...windowParams({ after, last }), skip }) as EpisodeKey | undefined) ?? null;
}

/**
 * Windows of at most `size` episodes opened in [start, end), oldest first. Each step reads `size`
 * entries of the index and nothing else; the last window ends at the range's end.
 */
export function* episodeWindows(
  db: Db,
  range: { start?: number; end?: number },
  size: number,
): Generator<EpisodeWindow> {
  // opened_at >= start is (opened_at, id) > (start, below any id); opened_at < end is <= (end, below any id).
  // No integer arithmetic on the times: rows written by other tools may hold fractional milliseconds.
  const end: EpisodeKey = { at: range.end ?? Number.MAX_VALUE, id: -ANY_ID };
  let after: EpisodeKey = { at: range.start ?? -Number.MAX_VALUE, id: -ANY_ID };
  for (;;) {
    const last = keyAfter(db, after, end, size - 1);
    if (last === null) {
      yield { after, last: end };
      return;
    }
    yield { after, last };
    after = last;
  }
}
