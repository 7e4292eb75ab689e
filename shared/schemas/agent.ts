import { z } from 'zod';
import { isHttpUrl, nonEmptyPatch, PresenceSchema, RoleSchema } from './common';

/** The UI languages Braid ships. */
export const LOCALES = ['en', 'th', 'pl', 'zh-CN'] as const;
/** One UI language, validated. */
export const LocaleSchema = z.enum(LOCALES);
/** One UI language. */
export type Locale = z.infer<typeof LocaleSchema>;

/** Languages an agent answers in: ISO 639 codes ("th", "zh", "pl"), lower-cased, no duplicates. */
export const AgentLanguagesSchema = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{2,3}$/, 'must be a language code like th or zh'),
  )
  .max(20)
  .transform((l) => [...new Set(l)]);

/** Channel kinds or customer tiers an agent specialises in (routing prefers them for such threads). */
export const AgentSkillsSchema = z
  .array(z.string().trim().min(1).max(40))
  .max(20)
  .transform((l) => [...new Set(l)]);

/** An agent as other agents see it. */
export const AgentSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  locale: LocaleSchema,
  capacity: z.number(),
  /** Separate limit for async work (email, API); null = capacity covers all work. */
  asyncCapacity: z.number().nullable(),
  languages: z.array(z.string()),
  skills: z.array(z.string()),
  active: z.boolean(),
  presence: PresenceSchema,
  teamIds: z.array(z.number()),
});
/** Agent DTO. */
export type Agent = z.infer<typeof AgentSchema>;

/** A team. */
export const TeamSchema = z.object({
  id: z.number(),
  name: z.string(),
  autoAssign: z.boolean(),
  memberIds: z.array(z.number()),
});
/** Team DTO. */
export type Team = z.infer<typeof TeamSchema>;

/** Login form. */
export const LoginRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

/** Who is logged in, plus the CSRF token to send on mutations. */
export const MeResponseSchema = z.object({ agent: AgentSchema, csrfToken: z.string() });
/** Me DTO. */
export type MeResponse = z.infer<typeof MeResponseSchema>;

const PasswordSchema = z.string().min(10, 'must be at least 10 characters').max(200);

/** Admin creates an agent. */
export const CreateAgentRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(1).max(120),
  role: RoleSchema,
  password: PasswordSchema,
  locale: LocaleSchema.default('en'),
  capacity: z.number().int().min(0).max(500).default(10),
  asyncCapacity: z.number().int().min(0).max(500).nullable().default(null),
  languages: AgentLanguagesSchema.default([]),
  skills: AgentSkillsSchema.default([]),
  teamIds: z.array(z.number().int().positive()).default([]),
});

/** Admin edits an agent. */
export const UpdateAgentRequestSchema = nonEmptyPatch(
  z
    .object({
      name: z.string().trim().min(1).max(120),
      role: RoleSchema,
      capacity: z.number().int().min(0).max(500),
      asyncCapacity: z.number().int().min(0).max(500).nullable(),
      languages: AgentLanguagesSchema,
      skills: AgentSkillsSchema,
      active: z.boolean(),
      teamIds: z.array(z.number().int().positive()),
      locale: LocaleSchema,
    })
    .partial(),
);

/** An agent changes their own preferences. */
export const UpdateMeRequestSchema = nonEmptyPatch(
  z.object({ locale: LocaleSchema, name: z.string().trim().min(1).max(120) }).partial(),
);

/** An agent changes their own password. */
export const ChangePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordSchema,
});

const TeamName = z.string().trim().min(1).max(80);

/** Admin creates a team. */
export const TeamRequestSchema = z.object({ name: TeamName, autoAssign: z.boolean().default(false) });

/** Admin edits a team: only the fields sent change (no defaults fill the others). */
export const TeamPatchRequestSchema = nonEmptyPatch(
  z.object({ name: TeamName.optional(), autoAssign: z.boolean().optional() }),
);

/** Admin creates an API key for the API channel. */
export const CreateApiKeyRequestSchema = z.object({
  name: z.string().trim().min(1).max(80),
  callbackUrl: z.string().url().max(2000).refine(isHttpUrl, 'must be an http or https URL').nullable().default(null),
});

/** API key as listed (the secret itself is shown once, on creation). */
export const ApiKeySchema = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  callbackUrl: z.string().nullable(),
  createdAt: z.number(),
  revokedAt: z.number().nullable(),
});
/** API key DTO. */
export type ApiKey = z.infer<typeof ApiKeySchema>;
