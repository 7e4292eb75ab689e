import { buildLexicon, type Lexicon } from '../lexicon';
import { foldLatin, foldNone } from '../text';
import { EMOJI_SOURCE } from './emoji';
import { EN } from './en';
import { PL } from './pl';
import { TH } from './th';
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
