import { and, eq, gte, lt } from 'drizzle-orm';
import { episodes, teams, waitPromises } from '#server/db/schema';
import { calibrate, PROMISE_QUANTILE, promiseOutcome, type PromiseOutcome } from '#server/domain/waitPrediction';
import type { PredictionCalibrationDto } from '#shared/schemas/predictions';
import type { ChannelKind } from '#shared/channels';
import type { Reader } from './threadQueries';

/** The calibration rule as the API states it. */
export const CALIBRATION_RULE =
  'A promise is the wait the acknowledgement told the customer, counted from the moment Braid sent it (Braid’s clock). ' +
  'It was kept when the first response left Braid (the provider accepted it, Braid’s clock) by that instant; missed when ' +
  'the response came later or has not come by then. Promises still running, and episodes resolved before the promised ' +
  'instant without any response, are counted apart and not in the share. Promises are grouped by the team and channel ' +
  'they were made for, in the range by the time they were made.';

/** Share of customers answered within the promised time, per team and channel, for promises made in [from, to). */
export function waitCalibration(
  r: Reader,
  q: { from: number; to: number; teamId?: number },
  now: number,
): PredictionCalibrationDto {
  const rows = r
    .select({
      teamId: waitPromises.teamId,
      channel: waitPromises.channel,
      madeAt: waitPromises.madeAt,
      promisedMs: waitPromises.promisedMs,
      firstResponseAt: episodes.firstResponseAt,
      resolvedAt: episodes.resolvedAt,
    })
    .from(waitPromises)
    .innerJoin(episodes, eq(episodes.id, waitPromises.episodeId))
    .where(
      and(
        gte(waitPromises.madeAt, q.from),
        lt(waitPromises.madeAt, q.to),
        q.teamId === undefined ? undefined : eq(waitPromises.teamId, q.teamId),
      ),
    )
    .all();
  const names = new Map(
    r
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .all()
      .map((t) => [t.id, t.name]),
  );
  const groups = new Map<string, { teamId: number | null; channel: ChannelKind | null; outcomes: PromiseOutcome[] }>();
  for (const row of rows) {
    const key = `${row.teamId}|${row.channel}`;
    const g = groups.get(key) ?? { teamId: row.teamId, channel: row.channel, outcomes: [] };
    g.outcomes.push(promiseOutcome(row, now));
    groups.set(key, g);
  }
  const items = [...groups.values()]
    .map((g) => ({
      teamId: g.teamId,
      teamName: g.teamId === null ? null : (names.get(g.teamId) ?? null),
      channel: g.channel,
      ...calibrate(g.outcomes),
    }))
    .sort(
      (a, b) => (a.teamName ?? '').localeCompare(b.teamName ?? '') || (a.channel ?? '').localeCompare(b.channel ?? ''),
    );
  return {
    from: q.from,
    to: q.to,
    target: PROMISE_QUANTILE,
    rule: CALIBRATION_RULE,
    overall: calibrate([...groups.values()].flatMap((g) => g.outcomes)),
    items,
  };
}
