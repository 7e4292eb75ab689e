import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { ChannelKind } from '#shared/channels';

// Likely duplicates: two customers with the same name (normalised) AND an overlapping contact fact.
// A shared name alone is never enough — there are four 王芳 and three Piotr Nowak in one demo
// workspace and most of them are different people — so a pair without any overlapping hint is
// not suggested at all. Pure: no database, no time.

/** One contact fact of a customer (an identity row's relevant columns). */
export interface DuplicateIdentity {
  channel: ChannelKind;
  phone: string | null;
  email: string | null;
  /** A provider handle (Telegram/Instagram username) when one is known. */
  handle?: string | null;
}

/** A customer as the scoring sees it. */
export interface DuplicateCandidate {
  id: number;
  name: string;
  identities: DuplicateIdentity[];
}

/** Why two customers look like one person. */
export type DuplicateReason =
  | { kind: 'phone'; value: string }
  | { kind: 'email'; value: string }
  | { kind: 'email_variant'; value: string }
  | { kind: 'phone_last4'; value: string }
  | { kind: 'handle'; value: string };

/** The verdict for a pair: a score in (0, 1], strong or possible, and the reasons. */
export interface DuplicateMatch {
  score: number;
  strength: 'strong' | 'possible';
  reasons: DuplicateReason[];
}

const WEIGHT: Record<DuplicateReason['kind'], number> = {
  phone: 0.95,
  email: 0.95,
  email_variant: 0.8,
  phone_last4: 0.55,
  handle: 0.6,
};

/** Scores below this are not suggested. */
export const SUGGEST_AT = 0.5;
const STRONG_AT = 0.8;

// Latin letters that Unicode does not decompose into base + mark (Polish ł, Danish ø, …).
const LATIN_FOLD: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};
const NON_LATIN_LETTER = /[^\p{Script=Latin}\P{L}]/u;

/**
 * The comparison key of a name. Latin names: case, diacritics (ł = l, é = e), whitespace and
 * word order ("Nowak Piotr") do not matter. Names in other scripts (Chinese, Thai, …) compare
 * exactly apart from Unicode form and whitespace (CJK names carry no spaces; Thai keeps one).
 */
export function nameKey(name: string): string {
  const nfkc = name.normalize('NFKC').trim().replace(/\s+/gu, ' ');
  if (NON_LATIN_LETTER.test(nfkc)) {
    return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(nfkc)
      ? nfkc.replace(/ /g, '')
      : nfkc.toLowerCase();
  }
  const folded = nfkc
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđðþßæœı]/g, (c) => LATIN_FOLD[c])
    .replace(/[^\p{L}\p{N} ]/gu, ' ');
  return folded.split(' ').filter(Boolean).sort().join(' ');
}

/** An email with what providers ignore removed: "+tags" everywhere, dots for Gmail. */
export function emailVariantKey(email: string): string {
  const [local, domain] = email.toLowerCase().split('@');
  if (!domain) return email.toLowerCase();
  const d = domain === 'googlemail.com' ? 'gmail.com' : domain;
  let l = local.split('+')[0];
  if (d === 'gmail.com') l = l.replace(/\./g, '');
  return `${l}@${d}`;
}

/** E.164 when the stored phone parses (national numbers read in the other side's country), else null. */
function e164(raw: string, country?: string): string | null {
  const p = parsePhoneNumberFromString(raw, country as never);
  return p?.isPossible() ? p.number : null;
}

function countryOf(phones: string[]): string | undefined {
  for (const ph of phones) {
    const c = parsePhoneNumberFromString(ph)?.country;
    if (c) return c;
  }
  return undefined;
}

function phoneReasons(a: string[], b: string[]): DuplicateReason[] {
  const ca = countryOf(a);
  const cb = countryOf(b);
  const na = new Set(a.map((p) => e164(p, cb)).filter((x): x is string => x !== null));
  const nb = new Set(b.map((p) => e164(p, ca)).filter((x): x is string => x !== null));
  const same = [...na].find((p) => nb.has(p));
  if (same) return [{ kind: 'phone', value: same }];
  for (const x of na) {
    for (const y of nb) {
      const px = parsePhoneNumberFromString(x);
      const py = parsePhoneNumberFromString(y);
      if (px && py && px.countryCallingCode === py.countryCallingCode && x.slice(-4) === y.slice(-4))
        return [{ kind: 'phone_last4', value: x.slice(-4) }];
    }
  }
  return [];
}

function emailReasons(a: string[], b: string[]): DuplicateReason[] {
  const sb = new Set(b.map((e) => e.toLowerCase()));
  const same = a.find((e) => sb.has(e.toLowerCase()));
  if (same) return [{ kind: 'email', value: same.toLowerCase() }];
  const vb = new Set(b.map(emailVariantKey));
  const variant = a.find((e) => vb.has(emailVariantKey(e)));
  return variant ? [{ kind: 'email_variant', value: emailVariantKey(variant) }] : [];
}

function handleReasons(a: DuplicateIdentity[], b: DuplicateIdentity[]): DuplicateReason[] {
  const key = (i: DuplicateIdentity) => (i.handle ? `${i.channel}:${i.handle.toLowerCase().replace(/^@/, '')}` : null);
  const kb = new Set(b.map(key).filter(Boolean));
  const hit = a.find((i) => key(i) !== null && kb.has(key(i)));
  return hit?.handle ? [{ kind: 'handle', value: hit.handle }] : [];
}

const facts = (c: DuplicateCandidate, f: 'phone' | 'email') =>
  c.identities.map((i) => i[f]).filter((x): x is string => typeof x === 'string' && x.length > 0);

/**
 * Whether two customers look like one person: the same name key and at least one overlapping
 * contact fact. Null when the names differ or nothing but the name is shared.
 */
export function scoreDuplicate(a: DuplicateCandidate, b: DuplicateCandidate): DuplicateMatch | null {
  if (a.id === b.id || nameKey(a.name) !== nameKey(b.name)) return null;
  const reasons = [
    ...phoneReasons(facts(a, 'phone'), facts(b, 'phone')),
    ...emailReasons(facts(a, 'email'), facts(b, 'email')),
    ...handleReasons(a.identities, b.identities),
  ];
  const score = 1 - reasons.reduce((left, r) => left * (1 - WEIGHT[r.kind]), 1);
  if (score < SUGGEST_AT) return null;
  return { score: Math.round(score * 1000) / 1000, strength: score >= STRONG_AT ? 'strong' : 'possible', reasons };
}

/** The customers among `others` that look like `one`, best first. */
export function findDuplicates(
  one: DuplicateCandidate,
  others: readonly DuplicateCandidate[],
): Array<{ id: number } & DuplicateMatch> {
  return others
    .map((o) => ({ id: o.id, match: scoreDuplicate(one, o) }))
    .filter((x): x is { id: number; match: DuplicateMatch } => x.match !== null)
    .map((x) => ({ id: x.id, ...x.match }))
    .sort((x, y) => y.score - x.score || x.id - y.id);
}
