import { CHANNEL_LABELS, isPhoneChannel, type ChannelKind } from '#shared/channels';

/** The facts identity resolution looks at, already fetched by the caller. */
export interface IdentityCandidates {
  /** The identity with exactly this (channel, address), if any. */
  exact: { id: number; customerId: number } | null;
  /** Identities (any channel) carrying the same E.164 phone, oldest first. */
  samePhone: Array<{ id: number; customerId: number }>;
  /** Identities (any channel) carrying the same lower-cased email, oldest first. */
  sameEmail: Array<{ id: number; customerId: number }>;
}

/** Outcome of identity resolution. */
export type Resolution =
  | { kind: 'existing-identity'; identityId: number; customerId: number }
  | { kind: 'link-to-customer'; customerId: number; matchedBy: 'phone' | 'email' }
  | { kind: 'new-customer' };

/**
 * Decide which customer an inbound address belongs to. Match order:
 *   1. exact identity (same channel + normalised address);
 *   2. same E.164 phone on any phone-based identity (SMS, WhatsApp, voice, shared contact);
 *   3. same lower-cased email;
 *   4. otherwise a new customer.
 * Within one step the oldest identity wins, so the result is stable.
 */
export function resolveCustomer(c: IdentityCandidates): Resolution {
  if (c.exact) return { kind: 'existing-identity', identityId: c.exact.id, customerId: c.exact.customerId };
  const byPhone = c.samePhone[0];
  if (byPhone) return { kind: 'link-to-customer', customerId: byPhone.customerId, matchedBy: 'phone' };
  const byEmail = c.sameEmail[0];
  if (byEmail) return { kind: 'link-to-customer', customerId: byEmail.customerId, matchedBy: 'email' };
  return { kind: 'new-customer' };
}

/**
 * The name a customer gets before anyone knows it: the phone number or email address itself,
 * or "<Channel> user …<last 6>" for opaque ids (raw Messenger/LINE ids are noise to an agent).
 */
export function placeholderName(channel: ChannelKind, address: string): string {
  if (isPhoneChannel(channel) || channel === 'email') return address;
  const tail = address.length > 6 ? `…${address.slice(-6)}` : address;
  return channel === 'webchat' ? `Web visitor ${tail}` : `${CHANNEL_LABELS[channel]} user ${tail}`;
}
