import { z } from 'zod';

/** A whisper: a note from a lead, supervisor or admin that only agents see, for the assigned agent. */
export const WhisperRequestSchema = z.object({
  text: z.string().trim().min(1, 'is empty').max(20_000),
  clientId: z.string().max(64).optional(),
});

/** One opening of a thread in monitor mode ("viewed by"), newest first in lists. */
export const MonitorViewSchema = z.object({
  agentId: z.number().nullable(),
  agentName: z.string().nullable(),
  at: z.number(),
});
/** Monitor view DTO. */
export type MonitorView = z.infer<typeof MonitorViewSchema>;

/** GET /api/threads/:id/monitor-views and POST /api/threads/:id/monitor: the latest monitor openings. */
export const MonitorViewsSchema = z.object({ views: z.array(MonitorViewSchema) });
/** Monitor views DTO. */
export type MonitorViews = z.infer<typeof MonitorViewsSchema>;

/** True when a message is a whisper (a supervisor's note highlighted for the assigned agent). */
export function isWhisper(m: { direction: string; meta?: Record<string, unknown> }): boolean {
  return m.direction === 'note' && m.meta?.whisper === true;
}
