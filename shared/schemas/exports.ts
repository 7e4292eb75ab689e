import { z } from 'zod';
import { checkFilterRanges, SearchFiltersSchema } from './search';

/** How durations are counted: wall-clock time, or only the team's business hours. */
export const DurationBasisSchema = z.enum(['calendar', 'business']);

/** GET /api/exports/conversations query: one row per episode opened in the range. */
export const ConversationExportQuerySchema = SearchFiltersSchema.extend({
  basis: DurationBasisSchema.default('calendar'),
}).superRefine(checkFilterRanges);
/** Parsed conversations export query. */
export type ConversationExportQuery = z.infer<typeof ConversationExportQuerySchema>;

/** GET /api/exports/search query: every message the search finds. */
export const SearchExportQuerySchema = SearchFiltersSchema.extend({ q: z.string().max(500) }).superRefine(
  checkFilterRanges,
);
/** Parsed search export query. */
export type SearchExportQuery = z.infer<typeof SearchExportQuerySchema>;

/** Response header carrying how many rows an export will have (for a progress bar). */
export const EXPORT_ROWS_HEADER = 'x-export-rows';
