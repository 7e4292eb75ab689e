import { z } from 'zod';
import { ChannelKindSchema, DirectionSchema, ThreadStatusSchema, SENTIMENT_LABELS } from './common';

const id = z.coerce.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** An IANA time zone name that this runtime knows. */
export const TimeZoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'unknown time zone' },
);

/** Filters that combine with the search text (and define a conversations export). */
export const SearchFiltersSchema = z.object({
  channel: ChannelKindSchema.optional(),
  teamId: id.optional(),
  /** Messages written by this agent or in episodes assigned to them. */
  agentId: id.optional(),
  /** Local calendar dates (inclusive) in `tz`. */
  from: day.optional(),
  to: day.optional(),
  tz: TimeZoneSchema.default('UTC'),
  status: ThreadStatusSchema.optional(),
  sentiment: z.enum(SENTIMENT_LABELS).optional(),
  /** Which survey the score range reads: CSAT (1–5) or NPS (0–10); either when left out. */
  surveyKind: z.enum(['csat', 'nps']).optional(),
  /** Survey answer of the message's episode (of the episode itself in an export), inclusive. */
  scoreMin: z.coerce.number().int().min(0).max(10).optional(),
  scoreMax: z.coerce.number().int().min(0).max(10).optional(),
  /** true: the episode breached an SLA target (at any point); false: it never did. */
  slaBreached: flag.optional(),
  /** A customer tag. */
  tag: z.string().trim().min(1).max(60).optional(),
});
/** Parsed search filters. */
export type SearchFilters = z.infer<typeof SearchFiltersSchema>;

/** Checks across filter fields, for every schema built on SearchFiltersSchema (after its extend). */
export function checkFilterRanges(
  f: Pick<SearchFilters, 'scoreMin' | 'scoreMax' | 'from' | 'to'>,
  ctx: z.RefinementCtx,
) {
  if (f.scoreMin !== undefined && f.scoreMax !== undefined && f.scoreMin > f.scoreMax)
    ctx.addIssue({ code: 'custom', path: ['scoreMin'], message: 'scoreMin is above scoreMax' });
  if (f.from !== undefined && f.to !== undefined && f.from > f.to)
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'from is after to' });
}

/** GET /api/search query. */
export const SearchQuerySchema = SearchFiltersSchema.extend({
  q: z.string().max(500).default(''),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
}).superRefine(checkFilterRanges);
/** Parsed search query. */
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** One message found by a search, with a snippet and the ranges of it to highlight. */
export const SearchHitSchema = z.object({
  messageId: z.number(),
  threadId: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  channel: ChannelKindSchema.nullable(),
  direction: DirectionSchema,
  snippet: z.string(),
  /** [start, end) UTF-16 offsets into `snippet`. */
  highlights: z.array(z.tuple([z.number(), z.number()])),
  at: z.number(),
});
/** Search hit DTO. */
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** One page of search results. */
export const SearchResponseSchema = z.object({
  hits: z.array(SearchHitSchema),
  nextCursor: z.string().nullable(),
});
/** Search page DTO. */
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
