import { LATIN_MARKS, LATIN_WORDS } from './latinWords';
import { LEXICONS } from './lexicons/index';
import { foldLatin } from './text';

// Script of a code point, with rough characters per word so scripts can be compared by words contributed.
function scriptOfCode(c: number): [string, number] | null {
  if (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff)
  )
    return ['latin', 5];
  if (c < 0x370) return null;
  if (c >= 0x0e00 && c <= 0x0e7f) return ['th', 4];
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) return ['zh', 1.7];
  if (c >= 0x3040 && c <= 0x30ff) return ['ja', 2];
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) return ['ko', 2.5];
  if (c >= 0x0400 && c <= 0x04ff) return ['ru', 6];
  if (c >= 0x0600 && c <= 0x06ff) return ['ar', 5];
  if (c >= 0x0590 && c <= 0x05ff) return ['he', 5];
  if (c >= 0x0370 && c <= 0x03ff) return ['el', 6];
  if (c >= 0x0900 && c <= 0x097f) return ['hi', 5];
  return null;
}

const MARKS = LATIN_MARKS.map(([lang, re]): [string, RegExp] => [lang, new RegExp(re.source, 'giu')]);

// Frequent words of the other Latin-script languages: never evidence for English or Polish.
const FOREIGN_WORDS = new Set(
  [...LATIN_WORDS].filter(([lang]) => lang !== 'en' && lang !== 'pl').flatMap(([, set]) => [...set]),
);

// Common Polish/English spelling patterns; weak evidence that helps when no listed word occurs.
const PL_SHAPE = /(?:rz|sz|cz|dz)[aeiouy]|(?:ow|ych|ego|emu|ami|ach|osc|ie)$|^prz|^wy|^za|^(?:nie|do|po)[a-z]{3,}/;
const EN_SHAPE = /th|wh|ght|ing$|ed$|'s$|ee|oo|ea|ou|ly$|tion$/;

/** Guesses the language of Latin-script text from frequent words, lexicon words, telltale letters and spelling. */
export function detectLatinLanguage(text: string): string {
  const scores = new Map<string, number>();
  const add = (lang: string, n: number) => scores.set(lang, (scores.get(lang) ?? 0) + n);
  for (const [lang, re] of MARKS) {
    const hits = text.match(re)?.length ?? 0;
    if (hits) add(lang, Math.min(hits, 4) * 1.5);
  }
  const words = foldLatin(text).match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
  const foreign = FOREIGN_WORDS;
  for (const w of words) {
    for (const [lang, set] of LATIN_WORDS) if (set.has(w)) add(lang, 1);
    // Sentiment words are evidence too ("Cheers mate, sorted 👌", "slow"), unless another language uses them.
    if (w.length >= 3 && !foreign.has(w)) {
      if (LEXICONS.en.entries.has(w)) add('en', 1);
      if (LEXICONS.pl.entries.has(w)) add('pl', 1);
    }
    if (w.length >= 4 && PL_SHAPE.test(w)) add('pl', 0.3);
    if (w.length >= 3 && EN_SHAPE.test(w)) add('en', 0.3);
  }
  let best = 'und';
  let top = 0.99;
  // Iteration order puts English, then Polish, first, so they win ties.
  for (const lang of ['en', 'pl', ...LATIN_WORDS.keys(), 'vi']) {
    const s = scores.get(lang) ?? 0;
    if (s > top) [best, top] = [lang, s];
  }
  return best;
}

/**
 * Detects a message's language offline: Thai, Han, kana, Hangul and other scripts by code-point
 * ranges (a Thai or Chinese message often carries English words, so those scripts win once they
 * hold a third of the words), and Latin-script languages by frequent words and diacritics.
 */
export function detectLanguage(text: string): string {
  const words = new Map<string, number>();
  const sample = text.slice(0, 2000);
  for (let i = 0; i < sample.length; i++) {
    const script = scriptOfCode(sample.charCodeAt(i));
    if (script) words.set(script[0], (words.get(script[0]) ?? 0) + 1 / script[1]);
  }
  if (words.size === 0) return 'und';
  const han = words.get('zh') ?? 0;
  const kana = words.get('ja') ?? 0;
  if (kana > 0) words.set('ja', kana + han);
  if (kana > 0 && kana * 2 >= han * 0.2) words.delete('zh');
  const latin = words.get('latin') ?? 0;
  words.delete('latin');
  let best = '';
  let top = 0;
  for (const [lang, n] of words) if (n > top) [best, top] = [lang, n];
  if (best && top * 2 >= latin) {
    if (best === 'ru' && /[іїєґ]/iu.test(text)) return 'uk';
    return top >= 0.5 ? best : 'und';
  }
  return detectLatinLanguage(text.slice(0, 2000));
}
