// Coaching: scorecards (rubrics admins define) and reviews (a scored episode with comments on messages).
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { threads } from './conversations';
import { episodes } from './messages';
import { agents, teams } from './people';
import { id, createdAt, ref, jsonList } from './columns';

/** One criterion of a rubric: its label, weight and scale. */
export interface CriterionRow {
  label: string;
  weight: number;
  scale: 'five' | 'yesNo';
}

/** A rubric: criteria with weights, each scored 1–5 or yes/no. */
export const scorecards = sqliteTable(
  'scorecards',
  {
    id: id(),
    name: text('name').notNull(),
    criteria: text('criteria', { mode: 'json' }).$type<CriterionRow[]>().notNull(),
    createdBy: integer('created_by').references(() => agents.id),
    createdAt: createdAt(),
    /** Set when an admin archives the scorecard: kept for its past reviews, not offered for new ones. */
    archivedAt: integer('archived_at'),
  },
  (t) => [uniqueIndex('scorecards_name_uq').on(t.name)],
);

/** A supervisor's review of one episode against a scorecard; owned by the agent who resolved it. */
export const reviews = sqliteTable(
  'reviews',
  {
    id: id(),
    scorecardId: ref('scorecard_id', () => scorecards.id),
    episodeId: ref('episode_id', () => episodes.id),
    threadId: ref('thread_id', () => threads.id),
    /** The reviewed agent (the episode's resolver, else its assignee). */
    agentId: ref('agent_id', () => agents.id),
    /** The team holding the episode. */
    teamId: integer('team_id').references(() => teams.id),
    reviewerId: ref('reviewer_id', () => agents.id),
    /** One value per criterion, in the scorecard's order (1–5, or 1 = yes / 0 = no). */
    scores: text('scores', { mode: 'json' }).$type<number[]>().notNull(),
    /** Weighted score, 0–100. */
    score: real('score').notNull(),
    comments: jsonList<{ messageId: number | null; text: string }>('comments'),
    createdAt: createdAt(),
    acknowledgedAt: integer('acknowledged_at'),
  },
  (t) => [
    index('reviews_agent_idx').on(t.agentId, t.createdAt),
    index('reviews_team_idx').on(t.teamId, t.createdAt),
    index('reviews_episode_idx').on(t.episodeId),
  ],
);
