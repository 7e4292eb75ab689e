import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';
import { isPhoneChannel, type ChannelKind } from './channels';
import type { IdentityHint } from './schemas/customer';

// One place decides how a customer is told apart from a namesake in every list (inbox rows, the
// board's waiting list, search results, merge and link pickers): a masked phone, an email, a
// handle, or for opaque provider ids (web-chat visitor ids, Meta PSIDs, LINE user ids, API
// integration ids) only what kind of contact it is. Raw provider ids are never part of a hint.

/** The identity facts a hint is made from (an identity row, or its wire shape plus phone/email). */
export interface HintSource {
  channel: ChannelKind;
  address: string;
  phone?: string | null;
  email?: string | null;
  verified?: boolean;
  meta?: Record<string, unknown> | null;
  createdAt?: number | null;
  lastInboundAt?: number | null;
}

const MASK = '•';

// Masks already computed (parsing a number is ~10 µs and a page of threads shows 50): exact, bounded.
const masked = new Map<string, string | null>();
const MASKED_MAX = 10_000;

/**
 * An E.164 phone with all but the last three digits of the national number hidden, grouped the
 * way the country writes it: "+48512345123" → "+48 ••• ••• 123". Null when it is not a phone.
 */
export function maskPhone(e164: string): string | null {
  const known = masked.get(e164);
  if (known !== undefined) return known;
  if (masked.size >= MASKED_MAX) masked.clear();
  const parsed = parsePhoneNumberFromString(e164);
  const out = parsed ? maskParsed(parsed.formatInternational(), `+${parsed.countryCallingCode}`) : null;
  masked.set(e164, out);
  return out;
}

/**
 * Remember the mask of a number parsed elsewhere from exactly its E.164 text (address normalisation
 * of a new sender), so the hint shown with its first message needs no second parse of the same text.
 */
export function rememberPhoneMask(parsed: PhoneNumber): void {
  if (masked.has(parsed.number)) return;
  if (masked.size >= MASKED_MAX) masked.clear();
  masked.set(parsed.number, maskParsed(parsed.formatInternational(), `+${parsed.countryCallingCode}`));
}

function maskParsed(intl: string, prefix: string): string {
  const rest = intl.startsWith(prefix) ? intl.slice(prefix.length) : intl;
  const digits = rest.replace(/\D/g, '').length;
  let seen = 0;
  const out = rest.replace(/\d/g, (d) => (++seen > digits - 3 ? d : MASK));
  return `${prefix}${out}`;
}

/** A channel handle the provider told us (Telegram/Instagram username), as "@name", or null. */
function handleOf(meta: Record<string, unknown> | null | undefined): string | null {
  const u = meta?.username;
  if (typeof u !== 'string') return null;
  const clean = u.trim().replace(/^@/, '');
  return clean && /^[\p{L}\p{N}._-]{1,64}$/u.test(clean) ? `@${clean}` : null;
}

/** The hint of one identity: never its raw address unless that address is a phone or an email. */
export function identityHint(i: HintSource): IdentityHint {
  const since = i.createdAt ?? i.lastInboundAt ?? null;
  const phone = i.phone ?? (isPhoneChannel(i.channel) ? i.address : null);
  const masked = phone ? maskPhone(phone) : null;
  if (masked) return { kind: 'phone', channel: i.channel, text: masked, since };
  const email = i.email ?? (i.channel === 'email' ? i.address : null);
  if (email) return { kind: 'email', channel: i.channel, text: email, since };
  const handle = handleOf(i.meta);
  if (handle) return { kind: 'handle', channel: i.channel, text: handle, since };
  return { kind: i.channel === 'webchat' ? 'visitor' : 'user', channel: i.channel, text: null, since };
}

const RANK: Record<IdentityHint['kind'], number> = { phone: 0, email: 1, handle: 2, user: 3, visitor: 4 };

/**
 * The most distinguishing hint among a customer's identities: a verified phone before an email
 * before a handle before a bare "<channel> user", and proven contacts before claimed ones. Null
 * for a customer without identities.
 */
export function customerHint(ids: readonly HintSource[]): IdentityHint | null {
  let best: { hint: IdentityHint; rank: number } | null = null;
  for (const i of ids) {
    const hint = identityHint(i);
    const rank = RANK[hint.kind] + (i.verified === false ? 10 : 0);
    if (!best || rank < best.rank) best = { hint, rank };
  }
  return best?.hint ?? null;
}
