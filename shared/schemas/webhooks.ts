import { z } from 'zod';
import { isHttpUrl } from './common';

/** Events an outbound webhook endpoint can subscribe to. */
export const WEBHOOK_EVENTS = [
  'message.created',
  'conversation.assigned',
  'conversation.resolved',
  'survey.answered',
] as const;
/** One outbound webhook event name. */
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'braid-signature';

/** POST /api/webhook-endpoints body. */
export const CreateWebhookEndpointSchema = z.object({
  url: z.string().trim().url().max(2000).refine(isHttpUrl, 'must be an http or https URL'),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'choose at least one event'),
});
/** Parsed create request. */
export type CreateWebhookEndpoint = z.infer<typeof CreateWebhookEndpointSchema>;

const DeliveryStatusSchema = z.enum(['pending', 'sending', 'done', 'failed']);

/** A registered endpoint as listed (the secret is shown once, on creation). */
export const WebhookEndpointSchema = z.object({
  id: z.number(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  createdAt: z.number(),
  /** Deliveries by status, for the settings list. */
  counts: z.object({ pending: z.number(), done: z.number(), failed: z.number() }),
  lastError: z.string().nullable(),
});
/** Endpoint DTO. */
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

/** The answer to a create: the endpoint and its signing secret (never shown again). */
export const CreatedWebhookEndpointSchema = z.object({ endpoint: WebhookEndpointSchema, secret: z.string() });

/** One delivery of one event to one endpoint. */
export const WebhookDeliverySchema = z.object({
  id: z.number(),
  event: z.enum(WEBHOOK_EVENTS),
  status: DeliveryStatusSchema,
  attempts: z.number(),
  lastError: z.string().nullable(),
  lastStatusCode: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
/** Delivery DTO. */
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

/** GET /api/webhook-endpoints answer. */
export const WebhookEndpointListSchema = z.object({ items: z.array(WebhookEndpointSchema) });
/** GET /api/webhook-endpoints/:id/deliveries answer, newest first. */
export const WebhookDeliveryListSchema = z.object({ items: z.array(WebhookDeliverySchema) });
