import { segmentWords } from './segment';
import type { Script } from './types';
import type { WordMatcher } from './wordMatcher';
import { baseEmoji, foldLatin, isAllCaps, isEmoji, scriptOf, squeezeTo2 } from './text';

/** One segment of a message, ready for lexicon lookup. */
export interface Token {
  /** Lookup form: lower-cased and folded (Latin), elongation squeezed, digits as "#". */
  readonly norm: string;
  readonly raw: string;
  /** 'break' ends a clause or sentence: punctuation, new lines, and spaces between Thai words. */
  readonly kind: 'word' | 'emoji' | 'punct' | 'break';
  readonly script: Script;
  /** Latin word written in capitals ("NEVER"). */
  readonly caps: boolean;
  /** Letters were stretched ("sooo", "pleaseee"). */
  readonly elongated: boolean;
  /** For breaks: whether it also ends a sentence (". ! ? 。" or a new line), not just a clause. */
  readonly sentenceEnd: boolean;
}

/**
 * Every token is made here, so all share one object shape: the scorer's loops then see one kind of
 * object, and V8 keeps their code optimised when a new message brings tokens of another kind.
 */
export function makeToken(
  norm: string,
  raw: string,
  kind: Token['kind'],
  script: Script,
  caps = false,
  elongated = false,
  sentenceEnd = false,
): Token {
  return { norm, raw, kind, script, caps, elongated, sentenceEnd };
}

// Text emoticons are punctuation to ICU, so they are cut out before segmentation.
const EMOTICON =
  /(?<=^|\s)((?:[:;=][-'^o]?[)(\][dDpP/\\|*3]+)|(?:[xX][dD]+)|(?:<3+)|(?:\^_*\^)|(?:T_T|;_;|-_-))(?=$|\s|[!?.,])/gu;
const THAI_ANY = /[\u0E00-\u0E7F]/u;
const FULL_WIDTH = /[\uFF01-\uFF5E]/gu;
// "e-mail", "rip-off", "log-in" read as one word, as they are usually written.
const HYPHENATED = /(\p{L})-(?=\p{L})/gu;
const THAI_STRETCH = /([\u0E00-\u0E7F])\1{2,}/gu;
const SENTENCE_END = /^[.!?。！？…\n]+$/u;
const CLAUSE_END = /^[,;:，；、：()（）"“”\-–—~]+$/u;
const DIGITS = /^[0-9๐-๙]+$/u;

function readWord(raw: string): Token {
  const script = scriptOf(raw);
  if (DIGITS.test(raw)) {
    const norm = /^5{3,}$|^๕{3,}$/u.test(raw) ? '555' : '#';
    return makeToken(norm, raw, 'word', 'other');
  }
  if (script !== 'latin') return makeToken(raw, raw, 'word', script);
  const folded = foldLatin(raw);
  const norm = squeezeTo2(folded);
  return makeToken(norm, raw, 'word', script, isAllCaps(raw), norm !== folded);
}

// Words recur within and across messages: each distinct word is read once (bounded: cleared when
// full). The tokens are shared; their fields are read-only (not frozen: a frozen object has a shape of
// its own, and the scorer's loops would then see two).
const WORDS = new Map<string, Token>();
const WORDS_MAX = 50_000;

function wordToken(raw: string): Token {
  let t = WORDS.get(raw);
  if (t) return t;
  t = readWord(raw);
  if (WORDS.size >= WORDS_MAX) WORDS.clear();
  WORDS.set(raw, t);
  return t;
}

function otherToken(raw: string, prevScript: Script | undefined, nextChar: string): Token | null {
  if (isEmoji(raw)) return makeToken(baseEmoji(raw), raw, 'emoji', 'other');
  if (/^\s+$/u.test(raw)) {
    if (raw.includes('\n')) return makeToken('\n', raw, 'break', 'other', false, false, true);
    // Thai separates clauses and sentences with spaces, not punctuation.
    if (prevScript === 'thai' && scriptOf(nextChar) === 'thai') {
      return makeToken(' ', raw, 'break', 'other', false, false, true);
    }
    return null;
  }
  if (SENTENCE_END.test(raw)) return makeToken(raw, raw, 'break', 'other', false, false, true);
  if (CLAUSE_END.test(raw)) return makeToken(raw, raw, 'break', 'other');
  if (raw === 'ๆ') return makeToken(raw, raw, 'word', 'thai');
  return makeToken(raw, raw, 'punct', 'other');
}

function segmentPlain(text: string, out: Token[], after = ''): void {
  const last = out[out.length - 1];
  let prevScript: Script | undefined = last?.kind === 'word' ? last.script : undefined;
  for (const { segment, isWordLike, index } of segmentWords(text)) {
    const token = isWordLike
      ? wordToken(segment)
      : otherToken(segment, prevScript, text[index + segment.length] ?? after);
    if (!token) continue;
    out.push(token);
    prevScript = token.kind === 'word' ? token.script : undefined;
  }
}

// ICU's Thai dictionary lacks many loanwords and mangles their neighbours (แอดมินมากๆ → แอด|มิ|นมากๆ),
// so known words are cut out first and only the text between them is segmented.
function segmentProtected(text: string, protect: WordMatcher | undefined, out: Token[]): void {
  if (!protect || !THAI_ANY.test(text)) return segmentPlain(text, out);
  let last = 0;
  const found = protect.matches(text);
  for (let k = 0; k < found.length; k += 2) {
    const word = text.slice(found[k], found[k + 1]);
    segmentPlain(text.slice(last, found[k]), out, word);
    out.push(wordToken(word));
    last = found[k + 1];
  }
  segmentPlain(text.slice(last), out);
}

/**
 * Splits a message into word, emoji, emoticon and boundary tokens using ICU word segmentation;
 * `protect` (a matcher of known Thai words) keeps those words whole.
 */
export function tokenize(input: string, protect?: WordMatcher): Token[] {
  const text = foldForms(input);
  const out: Token[] = [];
  let last = 0;
  if (mayHoldEmoticon(text))
    for (const m of text.matchAll(EMOTICON)) {
      segmentProtected(text.slice(last, m.index), protect, out);
      out.push(makeToken(m[1].toLowerCase(), m[1], 'emoji', 'other'));
      last = (m.index ?? 0) + m[0].length;
    }
  segmentProtected(text.slice(last), protect, out);
  return out;
}

// What foldForms needs to do to a text, found in one pass: each rewrite runs only when its characters occur.
const HIGH = 1; // at or above U+0300, where NFC may change something
const FULL = 2; // full-width ASCII
const IDEO_SPACE = 4;
const HYPHEN = 8; // '-', or a full-width one that becomes '-'
const THAI = 16;

function formsIn(text: string): number {
  let f = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x300) {
      if (c === 0x2d) f |= HYPHEN;
      continue;
    }
    f |= HIGH;
    if (c >= 0xff01 && c <= 0xff5e) f |= c === 0xff0d ? FULL | HYPHEN : FULL;
    else if (c === 0x3000) f |= IDEO_SPACE;
    else if (c >= 0x0e00 && c <= 0x0e7f) f |= THAI;
  }
  return f;
}

// Not NFKC: it would decompose Thai sara am (ำ) and break lexicon keys; only fold full-width ASCII.
// No character below U+0300 changes under NFC or combines with a neighbour, so such text skips it.
function foldForms(input: string): string {
  let f = formsIn(input);
  let text = input;
  if (f & HIGH) {
    text = input.normalize('NFC');
    if (text !== input) f = formsIn(text);
  }
  if (f & FULL) text = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (f & IDEO_SPACE) text = text.replace(/\u3000/g, ' ');
  if (f & HYPHEN) text = text.replace(HYPHENATED, '$1');
  if (f & THAI) text = text.replace(THAI_STRETCH, '$1');
  return text;
}

// Every emoticon holds one of these characters, or is "xD": most messages need no emoticon search.
function mayHoldEmoticon(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a || c === 0x3b || c === 0x3d || c === 0x3c || c === 0x5e || c === 0x5f) return true;
    // Bounded read: past the end charCodeAt gives NaN, which would deoptimise this loop.
    if ((c === 0x78 || c === 0x58) && i + 1 < text.length && (text.charCodeAt(i + 1) | 0x20) === 0x64) return true;
  }
  return false;
}
