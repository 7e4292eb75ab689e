import { LATIN_MARKS, LATIN_WORDS } from './latinWords';
import { foldLatin } from './text';

// Rough characters per word, so scripts can be compared by how many words they contribute.
const SCRIPTS: ReadonlyArray<[string, RegExp, number]> = [
  ['th', /[\u0E00-\u0E7F]/u, 4],
  ['zh', /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/u, 1.7],
  ['ja', /[\u3040-\u30FF]/u, 2],
  ['ko', /[\uAC00-\uD7AF\u1100-\u11FF\u3130-\u318F]/u, 2.5],
  ['ru', /[\u0400-\u04FF]/u, 6],
  ['ar', /[\u0600-\u06FF]/u, 5],
  ['he', /[\u0590-\u05FF]/u, 5],
  ['el', /[\u0370-\u03FF]/u, 6],
  ['hi', /[\u0900-\u097F]/u, 5],
  ['latin', /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/u, 5],
];

// Common Polish/English spelling patterns; weak evidence that helps when no listed word occurs.
const PL_SHAPE = /(?:rz|sz|cz|dz)[aeiouy]|(?:ow|ych|ego|emu|ami|ach|osc|ie)$|^prz|^wy|^za|^(?:nie|do|po)[a-z]{3,}/;
const EN_SHAPE = /th|wh|ght|ing$|ed$|'s$|ee|oo|ea|ou|ly$|tion$/;

/** Guesses the language of Latin-script text from frequent words, telltale letters and spelling. */
export function detectLatinLanguage(text: string): string {
  const scores = new Map<string, number>();
  const add = (lang: string, n: number) => scores.set(lang, (scores.get(lang) ?? 0) + n);
  for (const [lang, re] of LATIN_MARKS) {
    const hits = text.match(new RegExp(re.source, 'giu'))?.length ?? 0;
    if (hits) add(lang, Math.min(hits, 4) * 1.5);
  }
  const words = foldLatin(text).match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
  for (const w of words) {
    for (const [lang, set] of LATIN_WORDS) if (set.has(w)) add(lang, 1);
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
  for (const ch of text) {
    for (const [lang, re, perWord] of SCRIPTS) {
      if (re.test(ch)) {
        words.set(lang, (words.get(lang) ?? 0) + 1 / perWord);
        break;
      }
    }
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
  return detectLatinLanguage(text);
}
