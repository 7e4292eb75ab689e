import { z } from 'zod';
import { nonEmptyPatch } from './common';

/** A canned-response shortcut as typed after "/": letters, digits, "-" and "_", lower-cased. */
export const CannedShortcutSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{M}\p{N}_-]{0,39}$/u, 'use letters, digits, "-" or "_" (max 40)');

/** Language tag of a canned-response variant ("en", "th", "zh-CN"). */
export const CannedLanguageSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a language tag such as en, th, pl or zh-CN')
  .max(16);

/** One language variant of a canned response. */
export const CannedResponseSchema = z.object({
  id: z.number(),
  shortcut: z.string(),
  language: z.string(),
  title: z.string(),
  body: z.string(),
  /** Team whose agents see it; null = everyone. */
  teamId: z.number().nullable(),
  createdBy: z.number().nullable(),
  createdAt: z.number(),
});
/** Canned response DTO. */
export type CannedResponse = z.infer<typeof CannedResponseSchema>;

/** Canned responses the agent may use. */
export const CannedListSchema = z.object({ items: z.array(CannedResponseSchema) });

/** A lead or admin creates a canned response variant. */
export const CreateCannedRequestSchema = z.object({
  shortcut: CannedShortcutSchema,
  language: CannedLanguageSchema.default('en'),
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1, 'is empty').max(5_000),
  teamId: z.number().int().positive().nullable().default(null),
});

/** A lead or admin edits a canned response variant. */
export const UpdateCannedRequestSchema = nonEmptyPatch(
  z
    .object({
      shortcut: CannedShortcutSchema,
      language: CannedLanguageSchema,
      title: z.string().trim().min(1).max(120),
      body: z.string().trim().min(1, 'is empty').max(5_000),
      teamId: z.number().int().positive().nullable(),
    })
    .partial(),
);
