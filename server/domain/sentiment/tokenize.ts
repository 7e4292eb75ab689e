import { segmentWords } from './segment';
import type { Script } from './types';
import { baseEmoji, foldLatin, isAllCaps, isEmoji, scriptOf, squeezeTo2 } from './text';

/** One segment of a message, ready for lexicon lookup. */
export interface Token {
  /** Lookup form: lower-cased and folded (Latin), elongation squeezed, digits as "#". */
  norm: string;
  raw: string;
  /** 'break' ends a clause or sentence: punctuation, new lines, and spaces between Thai words. */
  kind: 'word' | 'emoji' | 'punct' | 'break';
  script: Script;
  /** Latin word written in capitals ("NEVER"). */
  caps: boolean;
  /** Letters were stretched ("sooo", "pleaseee"). */
  elongated: boolean;
  /** For breaks: whether it also ends a sentence (". ! ? 。" or a new line), not just a clause. */
  sentenceEnd?: boolean;
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

function wordToken(raw: string): Token {
  const script = scriptOf(raw);
  if (DIGITS.test(raw)) {
    const norm = /^5{3,}$|^๕{3,}$/u.test(raw) ? '555' : '#';
    return { norm, raw, kind: 'word', script: 'other', caps: false, elongated: false };
  }
  if (script !== 'latin') return { norm: raw, raw, kind: 'word', script, caps: false, elongated: false };
  const folded = foldLatin(raw);
  const norm = squeezeTo2(folded);
  return { norm, raw, kind: 'word', script, caps: isAllCaps(raw), elongated: norm !== folded };
}

function otherToken(raw: string, prevScript: Script | undefined, nextChar: string): Token | null {
  if (isEmoji(raw)) return { norm: baseEmoji(raw), raw, kind: 'emoji', script: 'other', caps: false, elongated: false };
  if (/^\s+$/u.test(raw)) {
    if (raw.includes('\n'))
      return { norm: '\n', raw, kind: 'break', script: 'other', caps: false, elongated: false, sentenceEnd: true };
    // Thai separates clauses and sentences with spaces, not punctuation.
    if (prevScript === 'thai' && scriptOf(nextChar) === 'thai') {
      return { norm: ' ', raw, kind: 'break', script: 'other', caps: false, elongated: false, sentenceEnd: true };
    }
    return null;
  }
  if (SENTENCE_END.test(raw))
    return { norm: raw, raw, kind: 'break', script: 'other', caps: false, elongated: false, sentenceEnd: true };
  if (CLAUSE_END.test(raw)) return { norm: raw, raw, kind: 'break', script: 'other', caps: false, elongated: false };
  if (raw === 'ๆ') return { norm: raw, raw, kind: 'word', script: 'thai', caps: false, elongated: false };
  return { norm: raw, raw, kind: 'punct', script: 'other', caps: false, elongated: false };
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
function segmentProtected(text: string, protect: RegExp | undefined, out: Token[]): void {
  if (!protect || !THAI_ANY.test(text)) return segmentPlain(text, out);
  let last = 0;
  for (const m of text.matchAll(protect)) {
    segmentPlain(text.slice(last, m.index), out, m[0]);
    out.push(wordToken(m[0]));
    last = (m.index ?? 0) + m[0].length;
  }
  segmentPlain(text.slice(last), out);
}

/**
 * Splits a message into word, emoji, emoticon and boundary tokens using ICU word segmentation;
 * `protect` (a global regex of known Thai words) keeps those words whole.
 */
export function tokenize(input: string, protect?: RegExp): Token[] {
  // Not NFKC: it would decompose Thai sara am (ำ) and break lexicon keys; only fold full-width ASCII.
  const text = input
    .normalize('NFC')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(HYPHENATED, '$1')
    .replace(THAI_STRETCH, '$1');
  const out: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(EMOTICON)) {
    segmentProtected(text.slice(last, m.index), protect, out);
    out.push({ norm: m[1].toLowerCase(), raw: m[1], kind: 'emoji', script: 'other', caps: false, elongated: false });
    last = (m.index ?? 0) + m[0].length;
  }
  segmentProtected(text.slice(last), protect, out);
  return out;
}
