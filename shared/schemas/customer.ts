import { z } from 'zod';
import { ChannelKindSchema, nonEmptyPatch } from './common';

/**
 * What tells one customer from a namesake in a list, without a raw provider id: a masked phone
 * ("+48 ••• ••• 123"), an email, a channel handle ("@piotr_n"), or for opaque ids only the kind of
 * contact ("Web chat visitor" since a date, "Messenger user"). Built by shared/identityLabel.ts.
 */
export const IdentityHintSchema = z.object({
  kind: z.enum(['phone', 'email', 'handle', 'visitor', 'user']),
  channel: ChannelKindSchema,
  /** The masked phone, the email or the handle; null for visitor/user. */
  text: z.string().nullable(),
  /** When this contact was first seen (visitor/user labels show it). */
  since: z.number().nullable(),
});
/** Identity hint DTO. */
export type IdentityHint = z.infer<typeof IdentityHintSchema>;

/** One address of a customer on one channel. */
export const IdentitySchema = z.object({
  id: z.number(),
  channel: ChannelKindSchema,
  /** The channel address: a phone or email, or an opaque provider id (shown to admins only). */
  address: z.string(),
  displayName: z.string().nullable(),
  verified: z.boolean(),
  lastInboundAt: z.number().nullable(),
  hint: IdentityHintSchema.optional(),
});
/** Identity DTO. */
export type Identity = z.infer<typeof IdentitySchema>;

/** A customer with all their identities. */
export const CustomerSchema = z.object({
  id: z.number(),
  name: z.string(),
  notes: z.string(),
  tags: z.array(z.string()),
  language: z.string().nullable(),
  timeZone: z.string().nullable(),
  tier: z.string().nullable(),
  mergedIntoId: z.number().nullable(),
  identities: z.array(IdentitySchema),
  /** The most distinguishing of the identities (see customerHint), for lists. */
  hint: IdentityHintSchema.nullable().optional(),
  createdAt: z.number(),
});
/** Customer DTO. */
export type Customer = z.infer<typeof CustomerSchema>;

/** Agent edits a customer's profile. */
export const UpdateCustomerRequestSchema = nonEmptyPatch(
  z
    .object({
      name: z.string().trim().min(1).max(200),
      notes: z.string().max(20_000),
      tags: z.array(z.string().trim().min(1).max(40)).max(50),
      timeZone: z.string().max(64).nullable(),
      language: z.string().max(16).nullable(),
      tier: z.string().max(40).nullable(),
    })
    .partial(),
);

/** Merge `sourceCustomerId` into the customer in the URL. */
export const MergeRequestSchema = z.object({ sourceCustomerId: z.number().int().positive() });

/** A recorded merge, for the audit trail and unmerge. */
export const MergeRecordSchema = z.object({
  id: z.number(),
  targetCustomerId: z.number(),
  sourceCustomerId: z.number(),
  sourceName: z.string(),
  agentId: z.number().nullable(),
  createdAt: z.number(),
  undoneAt: z.number().nullable(),
});
/** Merge DTO. */
export type MergeRecord = z.infer<typeof MergeRecordSchema>;

/** Customer search query. */
export const CustomerSearchQuerySchema = z.object({ q: z.string().trim().max(200).default('') });

/**
 * A link a customer claimed but no provider proved (a web-chat visitor's pre-chat email, an API
 * integration's phone): the claiming identity's customer may be the suggested one. An agent confirms
 * (merging the two) or dismisses it; nothing links on its own.
 */
export const LinkSuggestionSchema = z.object({
  id: z.number(),
  matchedBy: z.enum(['phone', 'email']),
  /** The unverified identity that carries the claim. */
  identity: IdentitySchema,
  claimant: z.object({ id: z.number(), name: z.string() }),
  suggested: z.object({ id: z.number(), name: z.string() }),
  createdAt: z.number(),
});
/** Link suggestion DTO. */
export type LinkSuggestion = z.infer<typeof LinkSuggestionSchema>;

/** Why a customer looks like the same person as another (besides the same name). */
export const DuplicateReasonSchema = z.object({
  kind: z.enum(['phone', 'email', 'email_variant', 'phone_last4', 'handle']),
  value: z.string(),
});

/**
 * Another customer with the same name and an overlapping contact fact: likely the same person.
 * An agent merges them (the ordinary recorded merge) or dismisses the pair for good.
 */
export const DuplicateSuggestionSchema = z.object({
  customer: CustomerSchema,
  threadId: z.number().nullable(),
  score: z.number(),
  strength: z.enum(['strong', 'possible']),
  reasons: z.array(DuplicateReasonSchema),
});
/** Duplicate suggestion DTO. */
export type DuplicateSuggestion = z.infer<typeof DuplicateSuggestionSchema>;
