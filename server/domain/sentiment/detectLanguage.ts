import { LATIN_MARKS, LATIN_WORDS } from './latinWords';
import { LEXICONS } from './lexicons/index';
import { foldLatin } from './text';

// Scripts told apart by code point, with rough characters per word so scripts can be compared by
// words contributed. LATIN is compared against the others as a whole, then read by detectLatinLanguage.
const SCRIPTS = ['latin', 'th', 'zh', 'ja', 'ko', 'ru', 'ar', 'he', 'el', 'hi'] as const;
const PER_CHAR = [1 / 5, 1 / 4, 1 / 1.7, 1 / 2, 1 / 2.5, 1 / 6, 1 / 5, 1 / 5, 1 / 6, 1 / 5];
const [LATIN, TH, ZH, JA, KO, RU, AR, HE, EL, HI] = SCRIPTS.map((_, i) => i);

// Index into SCRIPTS of a code point's script, or -1.
function scriptOfCode(c: number): number {
  if (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff)
  )
    return LATIN;
  if (c < 0x370) return -1;
  if (c >= 0x0e00 && c <= 0x0e7f) return TH;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) return ZH;
  if (c >= 0x3040 && c <= 0x30ff) return JA;
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) return KO;
  if (c >= 0x0400 && c <= 0x04ff) return RU;
  if (c >= 0x0600 && c <= 0x06ff) return AR;
  if (c >= 0x0590 && c <= 0x05ff) return HE;
  if (c >= 0x0370 && c <= 0x03ff) return EL;
  if (c >= 0x0900 && c <= 0x097f) return HI;
  return -1;
}

// Latin-script languages in the order that breaks ties: English, then Polish, then the word lists' order.
const LANGS = [...new Set(['en', 'pl', ...LATIN_WORDS.keys(), 'vi'])];
const EN = LANGS.indexOf('en');
const PL = LANGS.indexOf('pl');
// Telltale letters by UTF-16 code unit: bit k set when the letter matches LATIN_MARKS[k] case-insensitively,
// as /iu does. Every such letter (and case partner) lies in Latin-1 to Latin Extended-B or Latin Extended
// Additional (tests check all of Unicode), so one pass over the text counts the hits of every language
// instead of one regex scan per language.
const MARK_LANGS = LATIN_MARKS.map(([lang]) => LANGS.indexOf(lang));
/** Code-unit ranges that can hold a telltale letter. */
export const MARK_RANGES: ReadonlyArray<[number, number]> = [
  [0x80, 0x250],
  [0x1e00, 0x1f00],
];
const MARK_LIMIT = 0x1f00;
const MARK_BITS = new Uint16Array(MARK_LIMIT);
const MARK_RES = LATIN_MARKS.map(([, re]) => new RegExp(re.source, 'iu'));
const ANY_MARK = new RegExp(LATIN_MARKS.map(([, re]) => re.source).join('|'), 'iu');
for (const [from, to] of MARK_RANGES)
  for (let c = from; c < to; c++) {
    const ch = String.fromCharCode(c);
    if (ANY_MARK.test(ch)) MARK_RES.forEach((re, k) => re.test(ch) && (MARK_BITS[c] |= 1 << k));
  }

/** Hits of each LATIN_MARKS entry in `text`, as their /giu regexes would count them (for tests too). */
export function markHits(text: string): number[] {
  const hits = new Array<number>(LATIN_MARKS.length).fill(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const bits = c < MARK_LIMIT ? MARK_BITS[c] : 0;
    if (bits) for (let k = 0; k < hits.length; k++) if (bits & (1 << k)) hits[k]++;
  }
  return hits;
}
const WORD_LANGS = [...LATIN_WORDS].map(([lang, set]): [number, ReadonlySet<string>] => [LANGS.indexOf(lang), set]);

// Frequent words of the other Latin-script languages: never evidence for English or Polish.
const FOREIGN_WORDS = new Set(
  [...LATIN_WORDS].filter(([lang]) => lang !== 'en' && lang !== 'pl').flatMap(([, set]) => [...set]),
);

// Common Polish/English spelling patterns; weak evidence that helps when no listed word occurs.
const PL_SHAPE = /(?:rz|sz|cz|dz)[aeiouy]|(?:ow|ych|ego|emu|ami|ach|osc|ie)$|^prz|^wy|^za|^(?:nie|do|po)[a-z]{3,}/;
const EN_SHAPE = /th|wh|ght|ing$|ed$|'s$|ee|oo|ea|ou|ly$|tion$/;

// What one folded word says, as (language index, amount) pairs in the order they are added up.
function wordEvidence(w: string): number[] {
  const out: number[] = [];
  for (const [lang, set] of WORD_LANGS) if (set.has(w)) out.push(lang, 1);
  // Sentiment words are evidence too ("Cheers mate, sorted 👌", "slow"), unless another language uses them.
  if (w.length >= 3 && !FOREIGN_WORDS.has(w)) {
    if (LEXICONS.en.entries.has(w)) out.push(EN, 1);
    if (LEXICONS.pl.entries.has(w)) out.push(PL, 1);
  }
  if (w.length >= 4 && PL_SHAPE.test(w)) out.push(PL, 0.3);
  if (w.length >= 3 && EN_SHAPE.test(w)) out.push(EN, 0.3);
  return out;
}

// Words recur across messages, so their evidence is remembered (bounded: cleared when full).
const EVIDENCE = new Map<string, number[]>();
const EVIDENCE_MAX = 20_000;

function evidenceOf(w: string): number[] {
  let e = EVIDENCE.get(w);
  if (e) return e;
  e = wordEvidence(w);
  if (EVIDENCE.size >= EVIDENCE_MAX) EVIDENCE.clear();
  EVIDENCE.set(w, e);
  return e;
}

const WORD = /[a-z]+(?:'[a-z]+)?/g;

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** Guesses the language of Latin-script text from frequent words, lexicon words, telltale letters and spelling. */
export function detectLatinLanguage(text: string): string {
  const scores = new Float64Array(LANGS.length);
  // Every telltale letter is outside ASCII, and no ASCII letter case-folds to one.
  if (hasNonAscii(text)) {
    const hits = markHits(text);
    for (let k = 0; k < hits.length; k++) if (hits[k]) scores[MARK_LANGS[k]] += Math.min(hits[k], 4) * 1.5;
  }
  const words = foldLatin(text).match(WORD);
  if (words)
    for (const w of words) {
      const e = evidenceOf(w);
      for (let i = 0; i < e.length; i += 2) scores[e[i]] += e[i + 1];
    }
  let best = 'und';
  let top = 0.99;
  for (let i = 0; i < LANGS.length; i++) if (scores[i] > top) [best, top] = [LANGS[i], scores[i]];
  return best;
}

/**
 * Detects a message's language offline: Thai, Han, kana, Hangul and other scripts by code-point
 * ranges (a Thai or Chinese message often carries English words, so those scripts win once they
 * hold a third of the words), and Latin-script languages by frequent words and diacritics.
 */
export function detectLanguage(text: string): string {
  const words = new Float64Array(SCRIPTS.length);
  // Scripts in the order first seen, which breaks ties between them.
  const seen: number[] = [];
  const end = Math.min(text.length, 2000);
  for (let i = 0; i < end; i++) {
    const s = scriptOfCode(text.charCodeAt(i));
    if (s < 0) continue;
    if (words[s] === 0) seen.push(s);
    words[s] += PER_CHAR[s];
  }
  if (seen.length === 0) return 'und';
  const han = words[ZH];
  const kana = words[JA];
  if (kana > 0) words[JA] = kana + han;
  const dropHan = kana > 0 && kana * 2 >= han * 0.2;
  const latin = words[LATIN];
  let best = -1;
  let top = 0;
  for (const s of seen) {
    if (s === LATIN || (s === ZH && dropHan)) continue;
    if (words[s] > top) [best, top] = [s, words[s]];
  }
  if (best >= 0 && top * 2 >= latin) {
    if (SCRIPTS[best] === 'ru' && /[іїєґ]/iu.test(text)) return 'uk';
    return top >= 0.5 ? SCRIPTS[best] : 'und';
  }
  return detectLatinLanguage(text.slice(0, 2000));
}
