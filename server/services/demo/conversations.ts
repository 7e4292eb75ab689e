import { z } from 'zod';
import { ChannelKindSchema } from '#shared/schemas/common';
import scripts from './conversations.json' with { type: 'json' };

const StepSchema = z.union([
  z.object({ c: z.string(), via: ChannelKindSchema.optional() }), // customer writes (optionally switching channel)
  z.object({ a: z.string() }), // agent replies
  z.object({ note: z.string() }), // internal note
  z.object({ resolve: z.literal(true) }),
  z.object({ gapMin: z.number() }), // time passes (minutes)
]);

/** One step of a scripted demo conversation. */
export type Step = z.infer<typeof StepSchema>;

const DEMO_LANGS = ['en', 'th', 'pl', 'zh'] as const;
/** Demo languages. */
export type DemoLang = (typeof DEMO_LANGS)[number];

/**
 * Scripted multi-episode histories per language (fresh, believable support conversations), kept as
 * data in conversations.json and checked against the step shapes when the demo module loads.
 */
export const CONVERSATIONS: Record<DemoLang, Step[][]> = z
  .record(z.enum(DEMO_LANGS), z.array(z.array(StepSchema)))
  .parse(scripts);
