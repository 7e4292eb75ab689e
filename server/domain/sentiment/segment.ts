// Word segmentation with ICU's exact output, cheaper. Intl.Segmenter costs a break-iterator clone per
// call and a runtime call per segment; most of a Latin-script message needs neither, because UAX #29
// word breaking (ICU's rules) over ASCII and Latin letters is a handful of rules. Runs made only of
// such characters are cut here; the span from the first to the last other run (Thai, Chinese, emoji…)
// still goes to ICU, in one call, whose answer is remembered for short spans that recur.
// tests/server/domain/sentimentSegment.test.ts compares the two.

/** One word-break segment, as Intl.Segmenter reports it. */
export interface Segment {
  segment: string;
  index: number;
  isWordLike: boolean;
}

// One root segmenter serves every language: ICU applies its Thai and Chinese dictionaries by script.
const SEGMENTER = new Intl.Segmenter('und', { granularity: 'word' });

// Word-break classes of the characters cut here (UAX #29 as ICU applies it); anything else is OTHER_SCRIPT.
const LETTER = 1; // ALetter: A–Z, a–z, Latin-1 and Latin Extended-A letters
const DIGIT = 2; // Numeric
const UNDERSCORE = 3; // ExtendNumLet
const MID_LETTER = 4; // ':' joins letters only
const MID_NUM_LET = 5; // '.' and "'" join letters and digits
const MID_NUM = 6; // ',' and ';' join digits only
const SPACE = 7; // WSegSpace: runs of U+0020 stay together
const CR = 8;
const NEWLINE = 9; // LF, VT, FF
const PUNCT = 10; // any other printable ASCII and TAB: one segment each
const OTHER_SCRIPT = 0;

function classOf(c: number): number {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return LETTER;
  if (c >= 0x30 && c <= 0x39) return DIGIT;
  if (c === 0x20) return SPACE;
  if (c >= 0xc0 && c <= 0x17f) return c === 0xd7 || c === 0xf7 ? OTHER_SCRIPT : LETTER;
  if (c === 0x2e || c === 0x27) return MID_NUM_LET;
  if (c === 0x2c || c === 0x3b) return MID_NUM;
  if (c === 0x3a) return MID_LETTER;
  if (c === 0x5f) return UNDERSCORE;
  if (c === 0x0a || c === 0x0b || c === 0x0c) return NEWLINE;
  if (c === 0x0d) return CR;
  if (c === 0x09 || (c > 0x20 && c < 0x7f)) return PUNCT;
  return OTHER_SCRIPT;
}

const isWordChar = (k: number) => k === LETTER || k === DIGIT || k === UNDERSCORE;

// Whether ICU always breaks before text[p], whatever precedes: white space (a space, tab or line
// break) followed by a character cut here that does not join white space (a space after a space, LF
// after CR). No rule looks back past white space, so the text before and after segments apart.
function cutPoint(text: string, p: number): boolean {
  const b = text.charCodeAt(p - 1);
  if (!(b === 0x20 || b === 0x09 || (b >= 0x0a && b <= 0x0d))) return false;
  const k = classOf(text.charCodeAt(p));
  return k !== OTHER_SCRIPT && k !== SPACE && k !== CR && k !== NEWLINE;
}

// Whether the mid character `m` between `before` and `after` keeps a word together (WB6/7, WB11/12).
function joins(before: number, m: number, after: number): boolean {
  if (before === LETTER && after === LETTER) return m === MID_LETTER || m === MID_NUM_LET;
  if (before === DIGIT && after === DIGIT) return m === MID_NUM || m === MID_NUM_LET;
  return false;
}

/** Cut text[from, to) — only characters with a class here — into segments. */
function cutSimple(text: string, from: number, to: number, out: Segment[]): void {
  let i = from;
  while (i < to) {
    const k = classOf(text.charCodeAt(i));
    let j = i + 1;
    let wordLike = false;
    if (isWordChar(k)) {
      let prev = k;
      for (;;) {
        const c = j < to ? classOf(text.charCodeAt(j)) : -1;
        if (isWordChar(c)) {
          prev = c;
          j++;
        } else if (j + 1 < to && joins(prev, c, classOf(text.charCodeAt(j + 1)))) {
          prev = classOf(text.charCodeAt(j + 1));
          j += 2;
        } else break;
      }
      // A lone '_' is not a word; '__' and anything with a letter or digit is.
      wordLike = k !== UNDERSCORE || j - i > 1;
    } else if (k === SPACE) {
      while (j < to && text.charCodeAt(j) === 0x20) j++;
    } else if (k === CR && j < to && text.charCodeAt(j) === 0x0a) j++;
    out.push({ segment: text.slice(i, j), index: i, isWordLike: wordLike });
    i = j;
  }
}

// ICU's answer for a span is always the same, and the spans of short messages and their fragments
// recur ("ขอบคุณค่ะ", "好的，谢谢"): each distinct short span is segmented once, its cut points and
// word flags remembered (bounded: cleared when full; long spans are not kept).
const SPANS = new Map<string, Int32Array>();
const SPANS_MAX = 4_096;
const SPAN_CHARS = 200;

// Segment starts of `part`, each shifted left by one bit with its word flag in the low bit.
function icuCuts(part: string): Int32Array {
  const cuts: number[] = [];
  for (const s of SEGMENTER.segment(part)) cuts.push((s.index << 1) | (s.isWordLike === true ? 1 : 0));
  return Int32Array.from(cuts);
}

function cutIcu(text: string, from: number, to: number, out: Segment[]): void {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  let cuts = part.length <= SPAN_CHARS ? SPANS.get(part) : undefined;
  if (!cuts) {
    cuts = icuCuts(part);
    if (part.length <= SPAN_CHARS) {
      if (SPANS.size >= SPANS_MAX) SPANS.clear();
      SPANS.set(part, cuts);
    }
  }
  for (let k = 0; k < cuts.length; k++) {
    const at = cuts[k] >> 1;
    const next = k + 1 < cuts.length ? cuts[k + 1] >> 1 : part.length;
    out.push({ segment: part.slice(at, next), index: at + from, isWordLike: (cuts[k] & 1) === 1 });
  }
}

/**
 * Word-break segments of `text`, the same as `new Intl.Segmenter('und', { granularity: 'word' })`
 * gives: ICU reads the span from the first to the last character not cut here, widened to cut points.
 */
export function segmentWords(text: string): Segment[] {
  const out: Segment[] = [];
  // The first and last characters ICU must read.
  let first = -1;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    if (classOf(text.charCodeAt(i)) !== OTHER_SCRIPT) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) {
    cutSimple(text, 0, text.length, out);
    return out;
  }
  let start = first;
  while (start > 0 && !cutPoint(text, start)) start--;
  let end = last + 1;
  while (end < text.length && !cutPoint(text, end)) end++;
  cutSimple(text, 0, start, out);
  cutIcu(text, start, end, out);
  cutSimple(text, end, text.length, out);
  return out;
}
