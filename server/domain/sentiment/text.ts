import type { Script } from './types';

const THAI = /[\u0E00-\u0E7F]/;
const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;
const LATIN = /[A-Za-z\u00C0-\u024F]/;

/** Which lexicon family a word-like segment belongs to, judged by its first letter. */
export function scriptOf(segment: string): Script {
  for (const ch of segment) {
    if (THAI.test(ch)) return 'thai';
    if (HAN.test(ch)) return 'han';
    if (LATIN.test(ch)) return 'latin';
  }
  return 'other';
}

/** Lower-cases and strips Latin diacritics (incl. Polish ł) so "działa" and "dziala" meet. */
export function foldLatin(s: string): string {
  // ASCII needs only lower-casing and the backtick: NFD leaves it as it is and it holds no other mark.
  let changes = false;
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) ascii = false;
    else if ((c >= 0x41 && c <= 0x5a) || c === 0x60) changes = true;
  }
  if (ascii) return changes ? s.toLowerCase().replace(/`/g, "'") : s;
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/[’‘`´]/g, "'");
}

/** Identity fold for Thai and Chinese keys (they have no case or accents to remove). */
export function foldNone(s: string): string {
  return s;
}

/** Collapses letters repeated three or more times to two ("sooo" → "soo"). */
export function squeezeTo2(s: string): string {
  return s.replace(/(.)\1{2,}/gu, '$1$1');
}

/** Collapses every doubled letter to one ("thaanks" → "thanks"), used only after a lookup miss. */
export function squeezeTo1(s: string): string {
  return s.replace(/(.)\1+/gu, '$1');
}

/** True for a segment that is a Latin word written entirely in capitals ("NEVER", "WHERE"). */
export function isAllCaps(raw: string): boolean {
  let letters = 0;
  for (const ch of raw) {
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      if (ch !== ch.toUpperCase()) return false;
      letters++;
    }
  }
  return letters >= 2;
}

const PICTO = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

/** True when a segment is an emoji (pictograph, flag or keycap), however decorated. */
export function isEmoji(segment: string): boolean {
  return PICTO.test(segment);
}

/** Strips variation selectors, skin tones and ZWJ tails so "👍🏽" and "❤️" hit the plain entry. */
export function baseEmoji(segment: string): string {
  const first = segment.split('\u200D')[0];
  return first.replace(/[\uFE0E\uFE0F]|\p{Emoji_Modifier}/gu, '');
}
