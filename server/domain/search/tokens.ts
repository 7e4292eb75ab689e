// The one place text becomes search tokens, at write time and at query time alike, so that any
// engine (SQLite FTS5 today, another tomorrow) indexes and queries exactly the same words.
//
// Thai and Chinese have no spaces between words: Intl.Segmenter (ICU dictionaries) splits them
// into words, so "คืนเงิน" is two words and "北京大学生" is 北京|大学生 — a search for 京大 never
// matches across that boundary. Latin text is folded: NFKD, combining marks after a Latin letter
// dropped, letters with a stroke mapped by hand (ł, đ, ø have no decomposition), lower-cased. Runs
// of letters and digits are split apart so "TH88213" is found by 88213 and by TH88213.

// One segmenter for every text: ICU picks the dictionary per script, so mixed-script text works.
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

const STROKES: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ħ: 'h', ŧ: 't', ß: 'ss', æ: 'ae', œ: 'oe' };
const STROKE_RE = /[łđøħŧßæœ]/g;
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
// Letters (with their marks: Thai vowels are marks) in one run, digits in another.
const PIECE = /[\p{L}\p{M}]+|\p{N}+/gu;
const LATIN_OR_DIGITS = /^[\p{Script=Latin}\p{N}]+$/u;

/** Fold one word: lower-case, compatibility-decomposed, Latin diacritics and strokes removed. */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .replace(STROKE_RE, (c) => STROKES[c] ?? c)
    .normalize('NFKD')
    .replace(LATIN_MARKS, '$1');
}

/** The tokens of one word-like segment (usually one; "TH88213" gives "th", "88213"). */
export function wordTokens(segment: string): string[] {
  return foldWord(segment).match(PIECE) ?? [];
}

/** A word of the original text with where it sits, and the tokens it yields. */
export interface TextWord {
  start: number;
  end: number;
  tokens: string[];
}

/** Split text into its words (offsets into the original string) and their tokens. */
export function textWords(text: string): TextWord[] {
  const out: TextWord[] = [];
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike) continue;
    const tokens = wordTokens(s.segment);
    if (tokens.length > 0) out.push({ start: s.index, end: s.index + s.segment.length, tokens });
  }
  return out;
}

/** All search tokens of a text, in order. */
export function tokenize(text: string): string[] {
  return textWords(text).flatMap((w) => w.tokens);
}

/** True when a token may be searched as a prefix (Latin letters or digits; never Thai or Chinese words). */
export function isPrefixable(token: string): boolean {
  return LATIN_OR_DIGITS.test(token);
}
