import type { ChannelKind } from '#shared/channels';
import type { Role } from '#shared/schemas/common';
import type { Db } from '#server/db/connection';
import { agents, teams } from '#server/db/schema';
import type { NormalizedInbound } from '#server/domain/inbound';
import { setSetting, type RoutingSettings } from '#server/services/settingsStore';

/**
 * Test factories: rows and inputs with sensible defaults, written through the real schema (never
 * raw SQL), so a column change breaks here once instead of in every test.
 */

let seq = 0;

/** Insert an agent row directly (no password hashing: for service tests that never log in). */
export function makeAgent(
  db: Db,
  over: Partial<typeof agents.$inferInsert> & { role?: Role } = {},
): { id: number; role: Role; teamIds: number[] } {
  const n = ++seq;
  const row = db
    .insert(agents)
    .values({
      email: `agent${n}@factory.test`,
      name: `Agent ${n}`,
      passwordHash: 'x',
      role: 'agent',
      passwordChangedAt: 0,
      createdAt: 0,
      ...over,
    })
    .returning()
    .get();
  return { id: row.id, role: row.role, teamIds: [] };
}

/** Insert a team row; returns its id. */
export function makeTeam(db: Db, over: Partial<typeof teams.$inferInsert> = {}): number {
  return db
    .insert(teams)
    .values({ name: `Team ${++seq}`, createdAt: 0, ...over })
    .returning()
    .get().id;
}

/** Route every new thread to one team (and optionally some channels elsewhere). */
export function routeNewThreadsTo(db: Db, defaultTeamId: number, byChannel: RoutingSettings['byChannel'] = {}): void {
  setSetting(db, 'routing', { defaultTeamId, byChannel } satisfies RoutingSettings);
}

/** A normalised inbound message as a channel adapter would hand it over (unique provider id unless given). */
export function inbound(
  channel: ChannelKind,
  address: string,
  text: string,
  extra: Partial<NormalizedInbound> = {},
): NormalizedInbound {
  return {
    channel,
    transport: 'test',
    providerMessageId: `test-${process.pid}-${++seq}`,
    from: { address },
    text,
    attachments: [],
    providerTs: null,
    ...extra,
  };
}
