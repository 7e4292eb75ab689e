import { buildLexicon, type Lexicon } from '#server/domain/sentiment/lexicon';
import { foldLatin, foldNone } from '#server/domain/sentiment/text';
import { WordMatcher } from '#server/domain/sentiment/wordMatcher';
import { EMOJI_SOURCE } from './emoji';
import { EN } from './en';
import { PL } from './pl';
import { TH, TH_LOANWORDS } from './th';
import { ZH } from './zh';

/** Prebuilt lexicons, one per supported language; built once when the module loads. */
export const LEXICONS = {
  en: buildLexicon('en', EN, foldLatin, ' '),
  pl: buildLexicon('pl', PL, foldLatin, ' '),
  th: buildLexicon('th', TH, foldNone, ''),
  zh: buildLexicon('zh', ZH, foldNone, ''),
} satisfies Record<string, Lexicon>;

/** Languages the analyser can score; anything else degrades to neutral. */
export type SupportedLanguage = keyof typeof LEXICONS;

/** Emoji and emoticon valences keyed by base emoji / lower-cased emoticon. */
export const EMOJI: ReadonlyMap<string, number> = new Map(
  EMOJI_SOURCE.split(/\s+/)
    .filter(Boolean)
    .map((item): [string, number] => {
      const at = item.lastIndexOf(':');
      return [item.slice(0, at), Number(item.slice(at + 1))];
    }),
);

const THAI_CHAR = /^[\u0E00-\u0E7F]+$/u;

/**
 * Thai words cut out before ICU segmentation: known loanwords plus lexicon keys of six or more
 * characters (long enough not to hide inside unrelated words), longest first.
 */
export const THAI_PROTECTED_WORDS: readonly string[] = [
  ...new Set([...TH_LOANWORDS.split(/\s+/), ...[...LEXICONS.th.entries.keys()].filter((k) => k.length >= 6)]),
]
  .filter((k) => THAI_CHAR.test(k))
  .sort((a, b) => b.length - a.length);

/** Finds THAI_PROTECTED_WORDS in a text as a global regex alternation of them would (leftmost, then longest). */
export const THAI_PROTECTED = new WordMatcher(THAI_PROTECTED_WORDS);
