// Who works in Braid: teams, agents, sessions and API keys.
// All timestamps are epoch milliseconds (integers) so the response-time maths stays exact.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { LOCALES } from '#shared/schemas/agent';
import { id, createdAt, ref, jsonList, jsonObject, int } from './columns';

/** Teams group agents and own threads; business hours and automation settings live here. */
export const teams = sqliteTable('teams', {
  id: id(),
  name: text('name').notNull().unique(),
  autoAssign: integer('auto_assign', { mode: 'boolean' }).notNull().default(false),
  /** JSON BusinessSchedule (time zone, weekly hours, holidays) or null for always open. */
  businessHours: text('business_hours', { mode: 'json' }),
  /** JSON team settings: acknowledgement, survey kind, sentiment threshold, … */
  settings: jsonObject('settings'),
  createdAt: createdAt(),
});

/** People who log in: agents, leads, supervisors and admins. */
export const agents = sqliteTable('agents', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['agent', 'lead', 'supervisor', 'admin'] }).notNull(),
  locale: text('locale', { enum: LOCALES }).notNull().default('en'),
  /** Limit of open threads; of live-channel threads when asyncCapacity is set (shared/routing.ts). */
  capacity: integer('capacity').notNull().default(10),
  /** Separate limit for asynchronous work (email, API); null = one limit for all work. */
  asyncCapacity: integer('async_capacity'),
  /** Languages the agent answers in (ISO 639-1 codes, JSON array), for skills routing. */
  languages: jsonList<string>('languages'),
  /** Optional skills: channel kinds and customer tiers the agent specialises in (JSON array). */
  skills: jsonList<string>('skills'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** Last explicit presence choice; live presence is derived from connected sockets. */
  presence: text('presence', { enum: ['online', 'away', 'offline'] })
    .notNull()
    .default('offline'),
  passwordChangedAt: int('password_changed_at'),
  createdAt: createdAt(),
});

/** Team membership (an agent may belong to several teams). */
export const agentTeams = sqliteTable(
  'agent_teams',
  {
    agentId: ref('agent_id', () => agents.id, { onDelete: 'cascade' }),
    teamId: ref('team_id', () => teams.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.teamId] })],
);

/** Server-side sessions; the cookie holds only the random id, the table holds its hash. */
export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    agentId: ref('agent_id', () => agents.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: int('expires_at'),
  },
  (t) => [index('sessions_agent_idx').on(t.agentId)],
);

/** API keys for the API channel (custom integrations); only a hash of the key is kept. */
export const apiKeys = sqliteTable('api_keys', {
  id: id(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  callbackUrl: text('callback_url'),
  createdBy: integer('created_by').references(() => agents.id),
  createdAt: createdAt(),
  revokedAt: integer('revoked_at'),
});
