import type Database from 'better-sqlite3';
import type { Db } from '#server/db/connection';
import { boardStatements } from '#server/db/boardStatements';
import { preparedPerDb } from '#server/db/statements';

/** A team (null = no team) and a channel ('*' = the whole team) as board_wait_versions names them. */
const keyOf = (teamId: number | null, channel: string) => `${teamId ?? 0}|${channel}`;

/** A key's waits as last read: the version they were read at, how many waited, and the figures. */
interface KnownWaits {
  v: number;
  waiting: number;
  oldest: number | null;
  median: number | null;
}

/** The most sets of teams whose merged median is kept (one per board room; cleared beyond). */
const MAX_SETS = 256;

/**
 * The oldest and median waits the board last read, per team and channel and per set of teams,
 * each with the version (board_wait_versions) it was read at. A version is bumped by triggers in
 * the transaction that changes who waits on a key (or since when), so a figure whose key has the
 * same version — and the same waiting count — is still right, whichever code or process wrote;
 * only keys whose version moved are read again. Versions are read before the figures they vouch
 * for (a write in between leaves an entry under the older version, read again next time), and
 * nothing is kept from inside a transaction (it could roll back to the version it bumped from).
 *
 * Per connection and in this process's memory: correct for any number of processes sharing the
 * file (the versions are in the file), but each process reads its own figures once.
 */
export class WaitCache {
  private readonly keys = new Map<string, KnownWaits>();
  private readonly sets = new Map<string, { versions: string; median: number | null }>();

  constructor(private readonly sqlite: Database.Database) {}

  /**
   * The current versions of every key of these teams, or of the whole teams only (one statement), to
   * pass to `get` and `set`, or `setVersions`.
   */
  versions(db: Db, teamIds: ReadonlyArray<number | null>, wholeTeams = false): Map<string, number> {
    const s = boardStatements(db);
    const keys = JSON.stringify(teamIds.map((t) => t ?? 0));
    const rows = (wholeTeams ? s.teamWaitVersions : s.waitVersions).all({ keys });
    return new Map(rows.map(([team, channel, v]) => [`${team}|${channel}`, v]));
  }

  /** A key's oldest and median wait if it still has the version and count they were read at. */
  get(
    versions: ReadonlyMap<string, number>,
    teamId: number | null,
    channel: string,
    waiting: number,
  ): { oldest: number | null; median: number | null } | undefined {
    const k = keyOf(teamId, channel);
    const known = this.keys.get(k);
    return known && known.v === (versions.get(k) ?? 0) && known.waiting === waiting ? known : undefined;
  }

  /** Keep a key's figures, read at the given versions (not from inside a transaction). */
  set(
    versions: ReadonlyMap<string, number>,
    teamId: number | null,
    channel: string,
    figures: { waiting: number; oldest: number | null; median: number | null },
  ): void {
    if (this.sqlite.inTransaction) return;
    const k = keyOf(teamId, channel);
    this.keys.set(k, { v: versions.get(k) ?? 0, ...figures });
  }

  /**
   * The merged median of these teams when their board read each of them at these (whole-team)
   * versions and at most one has anyone waiting: that team's median (null when nobody waits).
   * Undefined when a team's figures are not known at its version or several teams have waiters.
   */
  onlyWaiting(
    versions: ReadonlyMap<string, number>,
    teamIds: ReadonlyArray<number | null>,
  ): { median: number | null } | undefined {
    let only: KnownWaits | null = null;
    for (const t of teamIds) {
      const k = keyOf(t, '*');
      const known = this.keys.get(k);
      if (!known || known.v !== (versions.get(k) ?? 0)) return undefined;
      if (known.waiting === 0) continue;
      if (only) return undefined;
      only = known;
    }
    return { median: only?.median ?? null };
  }

  /** The versions of these teams' whole-team keys, as one string (what a merged median depends on). */
  setVersions(versions: ReadonlyMap<string, number>, teamIds: ReadonlyArray<number | null>): string {
    return teamIds.map((t) => versions.get(keyOf(t, '*')) ?? 0).join(',');
  }

  /** A set of teams' merged median if their whole-team versions are unchanged. */
  getSet(teamIds: ReadonlyArray<number | null>, at: string): { median: number | null } | undefined {
    const known = this.sets.get(teamIds.join(','));
    return known?.versions === at ? known : undefined;
  }

  /** Keep a set of teams' merged median, read at the given versions (not from inside a transaction). */
  putSet(teamIds: ReadonlyArray<number | null>, at: string, median: number | null): void {
    if (this.sqlite.inTransaction) return;
    if (this.sets.size >= MAX_SETS) this.sets.clear();
    this.sets.set(teamIds.join(','), { versions: at, median });
  }
}

/** The board's wait cache of a database. */
export const waitCache = preparedPerDb((db) => new WaitCache(db.$client));
