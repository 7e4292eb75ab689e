import { and, asc, eq, gt, isNotNull, isNull, lte, max, sql } from 'drizzle-orm';
import { episodeFacts, episodes, messages, outbox, replyFacts } from '#server/db/schema';
import type { BusinessSchedule } from '#shared/metrics/businessHours';
import { elapsedMs } from '#shared/metrics/elapsed';
import type { Db } from '#server/db/connection';
import { insertIgnoring } from './bulkInsert';
import { episodeFactRow, recordSurveyFacts } from './metricFacts';
import { rebuildRollups } from './rollups/write';
import { getSetting, setSetting } from './settingsStore';
import { teamConfig } from './teamConfig';

const DONE_KEY = 'metricFactsBackfilled';
// Renamed when the facts gained their "first handled" and re-open flags (migration 0017): a database
// built before rebuilds once, which decides the flags of every fact.
const ROLLUPS_KEY = 'metricRollupsBuiltWithFlags';
/** Sizes of the back-fill's work: facts per write transaction, episodes per read page. */
export interface BackfillSizes {
  batch: number;
  episodePage: number;
}
const SIZES: BackfillSizes = { batch: 20_000, episodePage: 5_000 };

/**
 * Once per database: write the metric facts of history recorded before facts existed (or written
 * around the services, like the demo's delivered replies), so reports show figures from the start.
 * Back-filled replies count from the moment they were written (their acceptance time was not kept).
 */
export function backfillMetricFacts(db: Db, sizes: BackfillSizes = SIZES): { replies: number; episodes: number } {
  let replies = 0;
  let eps = 0;
  if (!getSetting(db, DONE_KEY, false)) {
    replies = backfillReplies(db, sizes);
    eps = backfillEpisodes(db, sizes.batch);
    db.transaction((tx) => recordSurveyFacts(tx));
    setSetting(db, DONE_KEY, true);
  }
  // The rollups (services/rollups) of every fact, rebuilt once per database and after back-filled facts.
  if (!getSetting(db, ROLLUPS_KEY, false) || replies + eps > 0)
    db.transaction((tx) => {
      rebuildRollups(tx);
      setSetting(tx, ROLLUPS_KEY, true);
    });
  return { replies, episodes: eps };
}

type ReplyFact = typeof replyFacts.$inferInsert;

/** Teams' business hours, read once per team for the whole back-fill (it runs before any request can change them). */
function schedules(db: Db): (teamId: number | null) => BusinessSchedule | null {
  const known = new Map<number | null, BusinessSchedule | null>();
  return (teamId) => {
    if (!known.has(teamId)) known.set(teamId, teamConfig(db, teamId).schedule);
    return known.get(teamId) ?? null;
  };
}

function backfillReplies(db: Db, { batch: BATCH, episodePage: EPISODE_PAGE }: BackfillSizes): number {
  const page = (from: number, to: number) =>
    db
      .select({
        id: messages.id,
        episodeId: episodes.id,
        direction: messages.direction,
        at: messages.sortTs,
        noWait: sql<number>`coalesce(json_extract(${messages.meta}, '$.surveyAnswer'), json_extract(${messages.meta}, '$.closingCourtesy'), 0)`,
        agentId: messages.authorAgentId,
        isAuto: messages.isAuto,
        channel: messages.channel,
        delivery: messages.deliveryStatus,
        sendStatus: outbox.status,
        teamId: episodes.teamId,
      })
      .from(messages)
      .innerJoin(episodes, eq(episodes.id, messages.episodeId))
      .leftJoin(outbox, eq(outbox.messageId, messages.id))
      .where(
        and(
          sql`${messages.direction} in ('inbound', 'outbound')`,
          gt(messages.episodeId, from),
          lte(messages.episodeId, to),
        ),
      )
      .orderBy(asc(messages.episodeId), asc(messages.sortTs), asc(messages.id))
      .all();
  // Paged by episode id (a big workspace holds millions of messages): a streamed read cannot stay
  // open while the facts are written on the same connection, and one page is a bounded read.
  const last =
    db
      .select({ n: max(episodes.id) })
      .from(episodes)
      .get()?.n ?? 0;
  const rows = (function* () {
    for (let from = 0; from < last; from += EPISODE_PAGE) yield* page(from, from + EPISODE_PAGE);
  })();
  const insertReply = insertIgnoring(db.$client, replyFacts);
  const scheduleOf = schedules(db);
  let pending: ReplyFact[] = [];
  let written = 0;
  const flush = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    db.transaction(() => {
      for (const f of batch) insertReply(f);
    });
    written += batch.length;
  };
  let episode = -1;
  let waitingFrom: number | null = null;
  let answeredFirst = false;
  for (const m of rows) {
    if (m.episodeId !== episode) {
      episode = m.episodeId;
      waitingFrom = null;
      answeredFirst = false;
    }
    if (m.direction === 'inbound') {
      if (!m.noWait && waitingFrom === null) waitingFrom = m.at;
      continue;
    }
    if (m.isAuto || m.agentId === null) continue;
    const status = m.sendStatus ?? (m.delivery === 'failed' ? 'failed' : m.delivery === 'queued' ? null : 'done');
    if (status !== 'done' && status !== 'failed') continue;
    const base = {
      messageId: m.id,
      episodeId: episode,
      agentId: m.agentId,
      teamId: m.teamId,
      channel: m.channel,
      at: m.at,
    };
    if (status === 'failed') {
      pending.push({ ...base, outcome: 'failed' });
    } else {
      const timed = waitingFrom !== null;
      const schedule = scheduleOf(m.teamId);
      pending.push({
        ...base,
        outcome: 'accepted',
        waitedFrom: waitingFrom,
        calendarMs: timed ? m.at - (waitingFrom as number) : null,
        businessMs: timed ? elapsedMs(waitingFrom as number, m.at, schedule) : null,
        isFirst: timed && !answeredFirst,
      });
      answeredFirst ||= timed;
      waitingFrom = null;
    }
    if (pending.length >= BATCH) flush();
  }
  flush();
  return written;
}

function backfillEpisodes(db: Db, BATCH: number): number {
  const alerts = new Map(
    db
      .all<{ id: number; b: number; w: number }>(
        sql`select episode_id as id, sum(fraction >= 1) as b, sum(fraction < 1) as w from sla_alerts group by episode_id`,
      )
      .map((a) => [a.id, a]),
  );
  const rows = db
    .select({ e: episodes })
    .from(episodes)
    .leftJoin(episodeFacts, eq(episodeFacts.episodeId, episodes.id))
    .where(and(isNotNull(episodes.resolvedAt), isNull(episodeFacts.episodeId)))
    .all()
    .map((r) => r.e);
  const insert = insertIgnoring(db.$client, episodeFacts);
  const scheduleOf = schedules(db);
  for (let i = 0; i < rows.length; i += BATCH) {
    db.transaction(() => {
      for (const e of rows.slice(i, i + BATCH)) {
        const a = alerts.get(e.id);
        const alerted = a && { breaches: a.b, warnings: a.w };
        insert(episodeFactRow(e, e.resolvedBy, e.resolvedAt as number, null, alerted, scheduleOf(e.teamId)));
      }
    });
  }
  return rows.length;
}
