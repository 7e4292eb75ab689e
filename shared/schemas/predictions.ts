import { z } from 'zod';
import { ChannelKindSchema } from './common';

/** How a set of promised waits turned out (server/domain/waitPrediction.ts, promiseOutcome). */
export const CalibrationSchema = z.object({
  promises: z.number(),
  kept: z.number(),
  missed: z.number(),
  /** Not answered yet and the promised instant has not come: not counted either way. */
  pending: z.number(),
  /** Resolved before the promised instant without any response: not counted either way. */
  unanswered: z.number(),
  /** kept / (kept + missed); null when none is decided yet. */
  keptShare: z.number().nullable(),
});

/** GET /api/metrics/predictions: calibration of the promised waits, per team and channel. */
export const PredictionCalibrationSchema = z.object({
  from: z.number(),
  to: z.number(),
  /** The share of customers who should be answered within the promised time. */
  target: z.number(),
  /** The rule, in words: which clock, which instants, what counts. */
  rule: z.string(),
  overall: CalibrationSchema,
  items: z.array(
    CalibrationSchema.extend({
      teamId: z.number().nullable(),
      teamName: z.string().nullable(),
      channel: ChannelKindSchema.nullable(),
    }),
  ),
});
/** Prediction calibration DTO. */
export type PredictionCalibrationDto = z.infer<typeof PredictionCalibrationSchema>;
