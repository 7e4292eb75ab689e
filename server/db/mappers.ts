import type { InferSelectModel } from 'drizzle-orm';
import type { ActivityMessage, ThreadActivity } from '#server/domain/threadActivity';
import type { Customer, Identity } from '#shared/schemas/customer';
import type { Message } from '#shared/schemas/message';
import type { Episode, ThreadSla, ThreadSummary } from '#shared/schemas/thread';
import type { Agent, Team } from '#shared/schemas/agent';
import type * as s from './schema';
import { customerHint, identityHint } from '#shared/identityLabel';
import type { IdentityHint } from '#shared/schemas/customer';

/** Row types, named once. */
export type ThreadRow = InferSelectModel<typeof s.threads>;
export type MessageRow = InferSelectModel<typeof s.messages>;
export type CustomerRow = InferSelectModel<typeof s.customers>;
export type IdentityRow = InferSelectModel<typeof s.identities>;
export type EpisodeRow = InferSelectModel<typeof s.episodes>;
export type AgentRow = InferSelectModel<typeof s.agents>;
export type TeamRow = InferSelectModel<typeof s.teams>;

/** Map a message row to the wire shape. */
export function toMessage(r: MessageRow): Message {
  return {
    id: r.id,
    threadId: r.threadId,
    episodeId: r.episodeId,
    direction: r.direction,
    channel: r.channel,
    identityId: r.identityId,
    authorAgentId: r.authorAgentId,
    text: r.text,
    html: r.html,
    subject: r.subject,
    attachments: r.attachments,
    providerTs: r.providerTs,
    receivedAt: r.receivedAt,
    sortTs: r.sortTs,
    deliveryStatus: r.deliveryStatus,
    deliveryError: r.deliveryError,
    isAuto: r.isAuto,
    sentiment:
      r.sentimentScore === null || r.sentimentLabel === null
        ? null
        : { score: r.sentimentScore, label: r.sentimentLabel, language: r.language, confidence: r.sentimentConfidence },
    systemKind: r.systemKind,
    waitedMs: r.waitedMs,
    clientId: r.clientId,
    meta: publicMeta(r),
  };
}

// Meta keys safe and useful for agents' screens (never provider headers or internal routing facts).
const PUBLIC_META = [
  'auto',
  'survey',
  'surveyAnswer',
  'closingCourtesy',
  'edited',
  'editOf',
  // A supervisor's whisper (a note for the assigned agent): services/monitor.ts.
  'whisper',
  'forAgentId',
  'location',
  'predictedWaitMs',
  'transcriptionStatus',
];

function publicMeta(r: MessageRow): Record<string, unknown> {
  if (r.direction === 'system') return r.meta;
  const out: Record<string, unknown> = {};
  for (const k of PUBLIC_META) if (k in r.meta) out[k] = r.meta[k];
  return out;
}

/** The columns of a thread row a summary shows (the inbox list reads only these). */
export type SummaryRow = Pick<
  ThreadRow,
  | 'id'
  | 'status'
  | 'snoozedUntil'
  | 'assigneeId'
  | 'teamId'
  | 'priority'
  | 'waitingSince'
  | 'lastMessageAt'
  | 'lastMessageId'
  | 'lastMessagePreview'
  | 'lastInboundChannel'
  | 'channels'
  | 'lastSentimentScore'
  | 'lastSentimentLabel'
  | 'currentEpisodeId'
>;

/** Map a thread row (plus its customer's name) to the list/event shape. */
export function toThreadSummary(
  r: SummaryRow,
  customer: { id: number; name: string; hint?: IdentityHint | null },
  sla: ThreadSla | null = null,
  unreadCount?: number,
): ThreadSummary {
  return {
    id: r.id,
    customer: { id: customer.id, name: customer.name, hint: customer.hint ?? null },
    status: r.status,
    snoozedUntil: r.snoozedUntil,
    assigneeId: r.assigneeId,
    teamId: r.teamId,
    priority: r.priority,
    waitingSince: r.waitingSince,
    lastMessageAt: r.lastMessageAt,
    lastMessageId: r.lastMessageId,
    lastMessagePreview: r.lastMessagePreview,
    lastInboundChannel: r.lastInboundChannel,
    channels: r.channels,
    sentiment:
      r.lastSentimentScore === null || r.lastSentimentLabel === null
        ? null
        : { score: r.lastSentimentScore, label: r.lastSentimentLabel, language: null },
    currentEpisodeId: r.currentEpisodeId,
    sla,
    ...(unreadCount === undefined ? {} : { unreadCount }),
  };
}

/** Map an identity row to the wire shape. */
export function toIdentity(r: IdentityRow): Identity {
  return {
    id: r.id,
    channel: r.channel,
    address: r.address,
    displayName: r.displayName,
    verified: r.verified,
    lastInboundAt: r.lastInboundAt,
    hint: identityHint(r),
  };
}

/** Map a customer row and its identities to the wire shape. */
export function toCustomer(r: CustomerRow, ids: IdentityRow[]): Customer {
  return {
    id: r.id,
    name: r.name,
    notes: r.notes,
    tags: r.tags,
    language: r.language,
    timeZone: r.timeZone,
    tier: r.tier,
    mergedIntoId: r.mergedIntoId,
    identities: ids.map(toIdentity),
    hint: customerHint(ids),
    createdAt: r.createdAt,
  };
}

/** Map an episode row to the wire shape. */
export function toEpisode(r: EpisodeRow): Episode {
  return {
    id: r.id,
    number: r.number,
    openedAt: r.openedAt,
    resolvedAt: r.resolvedAt,
    firstResponseAt: r.firstResponseAt,
    assigneeId: r.assigneeId,
    surveyKind: r.surveyKind,
    surveyScore: r.surveyScore,
    sentimentStart: r.sentimentStart,
    sentimentEnd: r.sentimentEnd,
  };
}

/** Map an agent row and team ids to the wire shape (never the password hash). */
export function toAgent(r: AgentRow, teamIds: number[], livePresence?: Agent['presence']): Agent {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    locale: r.locale,
    capacity: r.capacity,
    asyncCapacity: r.asyncCapacity,
    languages: r.languages,
    skills: r.skills,
    active: r.active,
    presence: livePresence ?? 'offline',
    teamIds,
  };
}

/** Map a team row and its members to the wire shape. */
export function toTeam(r: TeamRow, memberIds: number[]): Team {
  return { id: r.id, name: r.name, autoAssign: r.autoAssign, memberIds };
}

/** The activity columns of a thread row (see domain/threadActivity.ts). */
export function activityOf(r: ThreadRow): ThreadActivity {
  return {
    lastMessageAt: r.lastMessageAt,
    lastMessageId: r.lastMessageId,
    lastMessagePreview: r.lastMessagePreview,
    lastInboundAt: r.lastInboundAt,
    lastInboundChannel: r.lastInboundChannel,
    lastInboundIdentityId: r.lastInboundIdentityId,
    lastSentimentScore: r.lastSentimentScore,
    lastSentimentLabel: r.lastSentimentLabel,
    lastAgentReplyAt: r.lastAgentReplyAt,
    waitingSince: r.waitingSince,
    channels: r.channels,
  };
}

/** What the activity projection reads of a customer-visible message row; notes and system entries never count. */
export function toActivityMessage(r: MessageRow): ActivityMessage {
  if (r.direction !== 'inbound' && r.direction !== 'outbound')
    throw new Error(`a ${r.direction} entry is not part of the thread's activity`);
  return {
    id: r.id,
    direction: r.direction,
    channel: r.channel,
    identityId: r.identityId,
    sortTs: r.sortTs,
    text: r.text,
    subject: r.subject,
    attachments: r.attachments,
    isAuto: r.isAuto,
    failed: r.deliveryStatus === 'failed',
    noWait: r.meta.surveyAnswer === true || r.meta.closingCourtesy === true,
    sentimentScore: r.sentimentScore,
    sentimentLabel: r.sentimentLabel,
  };
}
