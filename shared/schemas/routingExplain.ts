import { z } from 'zod';
import { PrioritySchema } from './common';

/** Round robin or least-loaded: how a team picks among the agents who qualify. */
export const RoutingModeSchema = z.enum(['roundRobin', 'leastLoaded']);
/** Routing mode. */
export type RoutingMode = z.infer<typeof RoutingModeSchema>;

/** Which limit a load is counted against: live chats, async threads, or one limit for all work. */
export const LoadKindSchema = z.enum(['live', 'async', 'all']);

/** Why routing gave a thread to an agent, as data (the client words it in the viewer's language). */
export const RoutingReasonSchema = z.object({
  mode: RoutingModeSchema,
  /** The customer's language the agent speaks (null when language played no part). */
  language: z.string().nullable(),
  /** The language wait ran out and the thread went to anyone with room. */
  fallback: z.boolean(),
  /** A channel or tier skill of the agent that matched the thread. */
  skill: z.string().nullable(),
  loadKind: LoadKindSchema,
  /** The agent's load of that kind with this thread, and its limit. */
  load: z.number(),
  capacity: z.number(),
  vip: z.boolean(),
  priority: PrioritySchema,
});
/** Routing reason DTO. */
export type RoutingReason = z.infer<typeof RoutingReasonSchema>;

/** Why an unassigned thread is still waiting. */
export const WaitWhySchema = z.enum(['autoAssignOff', 'noTeam', 'nobodyOnline', 'noRoom', 'awaitingLanguage', 'idle']);
/** Wait reason. */
export type WaitWhy = z.infer<typeof WaitWhySchema>;

/** A waiting thread: why, and when the language fall-back and the overflow happen. */
export const RoutingWaitSchema = z.object({
  why: WaitWhySchema,
  language: z.string().nullable(),
  fallbackAt: z.number().nullable(),
  overflowAt: z.number().nullable(),
  overflowTeamId: z.number().nullable(),
});
/** Routing wait DTO. */
export type RoutingWait = z.infer<typeof RoutingWaitSchema>;

/** `GET /api/routing/explain/:threadId`: where the thread went and why, in words (English) and as data. */
export const RoutingExplainSchema = z.object({
  threadId: z.number(),
  teamId: z.number().nullable(),
  /** routed: by routing; manual: someone assigned it; waiting: unassigned and open; closed: not open. */
  state: z.enum(['routed', 'manual', 'waiting', 'closed']),
  agentId: z.number().nullable(),
  /** Who assigned it by hand (manual only; null when routing did, or unknown). */
  actorId: z.number().nullable(),
  /** When the current assignment was made (null when unknown or waiting). */
  at: z.number().nullable(),
  reason: RoutingReasonSchema.nullable(),
  wait: RoutingWaitSchema.nullable(),
  /** The team the thread overflowed from, when overflow moved it. */
  overflowedFromTeamId: z.number().nullable(),
  text: z.string(),
});
/** Routing explanation DTO. */
export type RoutingExplain = z.infer<typeof RoutingExplainSchema>;
