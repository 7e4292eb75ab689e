import { z } from 'zod';

/**
 * The web-chat widget's wire contract: the '/widget' Socket.IO namespace, declared once and used
 * by the server (which validates every payload with these schemas) and by the widget (types only,
 * so the embeddable script stays small).
 */

/** Longest message a visitor may send, in UTF-16 code units. */
export const WIDGET_MAX_TEXT = 5_000;

/** Optional pre-chat details a visitor typed in; the email links them to an existing customer. */
export const WidgetProfileSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  email: z.string().trim().toLowerCase().email().max(254).optional(),
});
/** Pre-chat profile. */
export type WidgetProfile = z.infer<typeof WidgetProfileSchema>;

/** A visitor message: the text is stored exactly as typed (only required to be non-blank). */
export const WidgetSendSchema = z.object({
  /** Client-generated id, so a resend after a dropped connection is stored once. */
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  text: z
    .string()
    .max(WIDGET_MAX_TEXT)
    .refine((t) => t.trim().length > 0, 'is empty'),
  profile: WidgetProfileSchema.optional(),
});
/** Visitor message payload. */
export type WidgetSend = z.infer<typeof WidgetSendSchema>;

/** The visitor's widget displayed these agent replies (open = the panel is visible, so they are read). */
export const WidgetSeenSchema = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(200),
  open: z.boolean().default(false),
});

/** One message as the visitor sees it: never internal notes, never other channels. */
export interface WidgetMessage {
  id: number;
  from: 'visitor' | 'agent';
  text: string;
  at: number;
  /** First name of the agent who wrote it (agent messages only). */
  author: string | null;
}

/** What the server tells a (re)connected widget: its token, profile and history. */
export interface WidgetSession {
  token: string;
  visitorId: string;
  profile: { name: string | null; email: string | null };
  messages: WidgetMessage[];
}

/** Acknowledgement of a visitor message. */
export type WidgetSendAck = (r: { ok: true; message: WidgetMessage } | { ok: false; error: string }) => void;

/** Events the server sends to a widget. */
export interface WidgetServerEvents {
  'widget.session': (s: WidgetSession) => void;
  'widget.message': (m: WidgetMessage) => void;
}

/** Events a widget sends to the server (payloads validated with the schemas above). */
export interface WidgetClientEvents {
  'widget.send': (p: z.input<typeof WidgetSendSchema>, ack: WidgetSendAck) => void;
  'widget.seen': (p: z.input<typeof WidgetSeenSchema>) => void;
}

/** Handshake auth a widget presents: the signed visitor token it kept, if any. */
export interface WidgetAuth {
  token?: string;
}
