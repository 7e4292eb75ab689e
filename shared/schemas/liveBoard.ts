import { z } from 'zod';
import { ChannelKindSchema, PresenceSchema, RoleSchema } from './common';

/** One queue tile: live threads of a team (or of one of its channels) right now. */
export const QueueTileSchema = z.object({
  /** Open threads with an unanswered inbound message. */
  waiting: z.number().int(),
  /** Open threads nobody is assigned to. */
  unassigned: z.number().int(),
  open: z.number().int(),
  pending: z.number().int(),
  snoozed: z.number().int(),
  /** When the longest-waiting customer wrote (epoch ms), null when nobody waits. */
  oldestWaitingSince: z.number().nullable(),
  /** The median "waiting since" of those waiting now: median wait = now − this. Null for sums of queues. */
  medianWaitingSince: z.number().nullable(),
  /** Threads with a running SLA clock past 75 % of its target (none past 100 %). */
  slaAtRisk: z.number().int(),
  /** Threads with a running SLA clock past its target. */
  slaBreached: z.number().int(),
});
/** A queue tile. */
export type QueueTile = z.infer<typeof QueueTileSchema>;

/** Episodes opened and resolved in one minute (epoch minute = ms / 60,000). */
export const BoardMinuteSchema = z.object({
  minute: z.number().int(),
  arrivals: z.number().int(),
  resolutions: z.number().int(),
});
/** One minute of arrivals and resolutions. */
export type BoardMinute = z.infer<typeof BoardMinuteSchema>;

/** One team's part of the board (teamId null = threads with no team). */
export const TeamBoardSchema = z.object({
  teamId: z.number().nullable(),
  name: z.string(),
  /** IANA time zone of the team's business hours (null = none set: show the viewer's). */
  timeZone: z.string().nullable(),
  queue: QueueTileSchema,
  channels: z.array(QueueTileSchema.extend({ channel: ChannelKindSchema })),
  /** The minutes of the last hour that had any arrival or resolution. */
  minutes: z.array(BoardMinuteSchema),
});
/** A team on the board. */
export type TeamBoard = z.infer<typeof TeamBoardSchema>;

/** One agent on the board's grid. */
export const BoardAgentSchema = z.object({
  id: z.number(),
  name: z.string(),
  role: RoleSchema,
  teamIds: z.array(z.number()),
  presence: PresenceSchema,
  /** Since when the presence holds (epoch ms; null = not since this server started). */
  presenceSince: z.number().nullable(),
  capacity: z.number().int(),
  /** Open threads assigned to the agent. */
  load: z.number().int(),
  pending: z.number().int(),
  /** Their open threads with a customer waiting, and the oldest of those waits. */
  waiting: z.number().int(),
  oldestWaitingSince: z.number().nullable(),
  /** Live threads they hold whose latest inbound message reads negative. */
  negative: z.number().int(),
  /** Median calendar time of their first responses today (ms; today in their team's zone), null with none. */
  firstResponseMedianToday: z.number().nullable(),
});
/** An agent row. */
export type BoardAgent = z.infer<typeof BoardAgentSchema>;

/**
 * Everyone waiting on a board's teams together (its "All teams" tiles add the teams' counts up, but
 * a median cannot be added up, so the server sends the median of all of them).
 */
export const BoardCombinedSchema = z.object({
  /** The teams it covers (null = threads with no team). */
  teamIds: z.array(z.number().nullable()),
  /** The median "waiting since" of everyone waiting on those teams now; null when nobody waits. */
  medianWaitingSince: z.number().nullable(),
});
/** The combined figures of a set of teams. */
export type BoardCombined = z.infer<typeof BoardCombinedSchema>;

/** GET /api/live/board: the whole board a viewer may see, as of `seq` in the event log. */
export const BoardSnapshotSchema = z.object({
  asOf: z.number(),
  seq: z.number().int(),
  teams: z.array(TeamBoardSchema),
  agents: z.array(BoardAgentSchema),
  combined: BoardCombinedSchema,
});
/** The board snapshot. */
export type BoardSnapshot = z.infer<typeof BoardSnapshotSchema>;

/**
 * Socket.IO `live.board`: the teams and agents an event changed, whole (applying twice is harmless),
 * and the combined figures of the teams of the room it went to when they changed.
 */
export const BoardDeltaSchema = BoardSnapshotSchema.extend({ combined: BoardCombinedSchema.optional() });
/** A board delta. */
export type BoardDelta = z.infer<typeof BoardDeltaSchema>;

/** GET /api/live/board query. */
export const BoardQuerySchema = z.object({ teamId: z.coerce.number().int().positive().optional() });

/** POST /api/live/assign body. */
export const LiveAssignSchema = z.object({
  threadIds: z.array(z.number().int().positive()).min(1).max(200),
  agentId: z.number().int().positive().nullable(),
});
/** Bulk assignment request. */
export type LiveAssign = z.infer<typeof LiveAssignSchema>;

/** POST /api/live/move body: threads to another team (null = no team). */
export const LiveMoveSchema = z.object({
  threadIds: z.array(z.number().int().positive()).min(1).max(200),
  teamId: z.number().int().positive().nullable(),
});
/** Bulk move request. */
export type LiveMove = z.infer<typeof LiveMoveSchema>;

/** POST /api/live/presence body: a lead sets an agent away (or back online). */
export const LivePresenceSchema = z.object({
  agentId: z.number().int().positive(),
  presence: z.enum(['online', 'away']),
});
/** Presence request. */
export type LivePresence = z.infer<typeof LivePresenceSchema>;

/** POST /api/live/presence answer: the agent's presence now. */
export const LivePresenceResultSchema = z.object({ agentId: z.number(), presence: PresenceSchema });

/** POST /api/live/assign (and /move) answer: the threads now assigned, and those refused with why. */
export const LiveAssignResultSchema = z.object({
  assigned: z.array(z.number()),
  failed: z.array(z.object({ threadId: z.number(), code: z.string(), error: z.string() })),
});
/** Bulk assignment answer. */
export type LiveAssignResult = z.infer<typeof LiveAssignResultSchema>;
