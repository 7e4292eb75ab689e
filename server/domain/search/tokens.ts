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

// Intl.Segmenter's time grows with the square of the text it is given (Node 20: 100,000 characters
// took seconds, a 3 MB email would take hours, in the ingest transaction), so a long text goes to it
// in pieces of about PIECE_CHARS, cut after ASCII white space and before a letter or digit: ICU always
// breaks there and no word-break rule looks back across white space, so the words are the same as in
// one pass (tests/server/domain/search/tokens.test.ts compares). A run with no such place is cut at
// MAX_PIECE_CHARS, splitting a "word" that long.
const PIECE_CHARS = 1_000;
const MAX_PIECE_CHARS = 8_192;
const WORD_START = /[\p{L}\p{N}]/uy;
const isAsciiSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/** Where the piece of `text` starting at `start` ends. */
function pieceEnd(text: string, start: number): number {
  if (text.length - start <= PIECE_CHARS) return text.length;
  const bound = Math.min(text.length, start + MAX_PIECE_CHARS);
  for (let p = start + PIECE_CHARS; p < bound; p++) {
    if (!isAsciiSpace(text.charCodeAt(p - 1))) continue;
    WORD_START.lastIndex = p;
    if (WORD_START.test(text)) return p;
  }
  if (bound === text.length) return bound;
  const high = text.charCodeAt(bound - 1);
  return high >= 0xd800 && high <= 0xdbff ? bound - 1 : bound; // not between a surrogate pair
}

/** Split text into its words (offsets into the original string) and their tokens. */
export function textWords(text: string): TextWord[] {
  const out: TextWord[] = [];
  for (let from = 0; from < text.length;) {
    const to = pieceEnd(text, from);
    for (const s of segmenter.segment(to - from === text.length ? text : text.slice(from, to))) {
      if (!s.isWordLike) continue;
      const tokens = wordTokens(s.segment);
      const start = from + s.index;
      if (tokens.length > 0) out.push({ start, end: start + s.segment.length, tokens });
    }
    from = to;
  }
  return out;
}

// Text made only of ASCII, Latin letters (U+00C0–U+024F but × and ÷) and common typographic
// punctuation needs no dictionary: ICU's word-like segments of it are runs of letters and digits
// joined by apostrophes, dots, commas or underscores, which the token pieces split again anyway, and
// everything between them yields no piece. So folding the whole text and taking its letter and digit
// runs gives exactly the segmenter's tokens (tokens.test.ts compares both on random text) for a
// fraction of the cost; every other text (Thai, Chinese, symbols, combining marks) is segmented.
const NEEDS_NO_SEGMENTER =
  /^[\t\n\r\x20-\x7e\u00a0\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u2013\u2014\u2018\u2019\u201c-\u201e\u2026]*$/;

/** All search tokens of a text, in order. */
export function tokenize(text: string): string[] {
  // Up to MAX_PIECE_CHARS no piece is cut inside a word (see pieceEnd), so the pieces' words are one pass's.
  if (text.length <= MAX_PIECE_CHARS && NEEDS_NO_SEGMENTER.test(text)) return foldWord(text).match(PIECE) ?? [];
  return segmentedTokens(text);
}

/** The tokens of a text through the word segmenter (what `tokenize` gives for any text). */
export function segmentedTokens(text: string): string[] {
  return textWords(text).flatMap((w) => w.tokens);
}

/** True when a token may be searched as a prefix (Latin letters or digits; never Thai or Chinese words). */
export function isPrefixable(token: string): boolean {
  return LATIN_OR_DIGITS.test(token);
}
