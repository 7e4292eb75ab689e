import { CLOSING, CLOSING_EMOJI, FILLER } from './closingCourtesyWords';
import { normalize } from './survey';

/**
 * A customer's "thank you" after a resolve is a courtesy, not a new request: it is stored in the
 * thread but must not re-open it or start an SLA clock. Anything that asks, reports or requests
 * something re-opens as before, so the rule is strict: the message must be short, carry no question
 * mark, and consist ONLY of closing phrases, fillers and friendly emoji — one word left over and it
 * is a real message.
 */

/** How long after a resolve a closing courtesy keeps the thread resolved: 7 days (slow email, a weekend). */
export const COURTESY_WINDOW_MS = 7 * 86_400_000;

/** Longer than this is never "just thanks" (a signature, a quoted email, a story). */
const MAX_LENGTH = 160;

const LATIN_PHRASE = /^[a-z' ]+$/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

// One alternation, longest first, so "thank you" wins over "you too" and "ขอบคุณมาก" splits right.
// Latin phrases must stand as words ("ok" is not read inside "book"); Thai and Chinese have no spaces.
const PHRASES = [...CLOSING.map((p) => [p, true] as const), ...FILLER.map((p) => [p, false] as const)].sort(
  (a, b) => b[0].length - a[0].length,
);
const CLOSING_SET = new Set(CLOSING);
const PHRASE_RE = new RegExp(
  PHRASES.map(([p]) => (LATIN_PHRASE.test(p) ? `(?<![a-z0-9'])${escape(p)}(?![a-z0-9'])` : escape(p))).join('|'),
  'gu',
);

// "Thanks Anna!", "Dziękuję Pani Aniu": one or two capitalised words right after the thanks are a name.
const THANKS_NAME =
  /([Tt]hanks|[Tt]hank you|THANKS|[Cc]heers|[Dd]zi[eę]ki|[Dd]zi[eę]kuj[eę])([,\s]+)(\p{L}+)(\s+\p{L}+)?/gu;
const isCapitalised = (w: string | undefined) =>
  w !== undefined && w.trim() !== '' && w.trim()[0] !== w.trim()[0].toLowerCase();

function withoutNames(text: string): string {
  return text.replace(THANKS_NAME, (all, thanks: string, sep: string, first: string, second: string | undefined) => {
    if (!isCapitalised(first)) return all;
    return `${thanks}${sep}${isCapitalised(second) ? '' : (second ?? '')}`;
  });
}

/**
 * True when the text is only a closing courtesy — "thanks!", "ok thanks 👍", "dziękuję bardzo",
 * "ขอบคุณครับ", "好的谢谢", "🙏" — in English, Polish, Thai or Chinese. False for anything with a
 * question, a "but", a new request or a negative emoji ("thanks, but the parcel still hasn't arrived").
 */
export function isClosingCourtesy(text: string): boolean {
  const raw = (text ?? '').trim();
  if (raw === '' || raw.length > MAX_LENGTH || /[?？]/u.test(raw)) return false;
  let closes = false;
  const rest = normalize(withoutNames(raw))
    .replace(CLOSING_EMOJI, () => {
      closes = true;
      return ' ';
    })
    .replace(PHRASE_RE, (m) => {
      if (CLOSING_SET.has(m)) closes = true;
      return ' ';
    })
    .replace(/[\s\p{P}~=+]|\uFE0F|\u200D|\p{Emoji_Modifier}/gu, '');
  return closes && rest === '';
}

/** Whether an inbound message after a resolve at `resolvedAt` keeps the thread resolved (time is a parameter). */
export function keepsResolved(
  message: { text: string; hasAttachments: boolean; at: number },
  resolvedAt: number | null,
): boolean {
  if (resolvedAt === null || message.hasAttachments) return false;
  if (message.at - resolvedAt > COURTESY_WINDOW_MS) return false;
  return isClosingCourtesy(message.text);
}
