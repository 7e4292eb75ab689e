// What a user typed, turned into search terms and then into an FTS5 MATCH expression. Nothing the
// user types reaches FTS5 as syntax: every token is a quoted string made only of letters, marks
// and digits, so quotes, '-', '*', OR, NEAR or a lone '"' are plain words (or nothing).
import { isPrefixable, textWords } from './tokens';

/** One required part of a search: a word, or a phrase (tokens that must be adjacent, in order). */
export interface SearchTerm {
  tokens: string[];
  /** The last token may be a prefix (the last Latin/digit term of the query, when not quoted). */
  prefix: boolean;
}

// Bounds the work a single search can ask for; more words than this add nothing useful.
const MAX_TERMS = 12;

/**
 * Parse a query: text in a pair of double quotes is a phrase; elsewhere each space-separated chunk
 * is a term (a chunk that segments into several words, like คืนเงิน or a*b, is a phrase). All terms
 * must match. The last term is a prefix when it ends in a Latin word or digits and was not quoted.
 */
export function parseSearch(q: string): SearchTerm[] {
  const terms: Array<SearchTerm & { quoted: boolean }> = [];
  const parts = q.split('"');
  // An odd number of quotes leaves a lone '"': treat the text after it as unquoted.
  const closed = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1 && i < closed;
    const chunks = quoted ? [part] : part.split(/\s+/);
    for (const chunk of chunks) {
      const tokens = textWords(chunk).flatMap((w) => w.tokens);
      if (tokens.length > 0) terms.push({ tokens, prefix: false, quoted });
    }
  });
  const kept = terms.slice(0, MAX_TERMS);
  const last = kept.at(-1);
  if (last && !last.quoted && isPrefixable(last.tokens.at(-1) as string)) last.prefix = true;
  return kept.map(({ tokens, prefix }) => ({ tokens, prefix }));
}

/** The FTS5 MATCH expression for parsed terms (implicit AND); null when there is nothing to find. */
export function toFtsMatch(terms: SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  // Tokens hold only letters, marks and digits (see tokens.ts), so quoting cannot be escaped.
  return terms.map((t) => `"${t.tokens.join(' ')}"${t.prefix ? '*' : ''}`).join(' ');
}

/** True when a token of the text satisfies a search token (exactly, or as a prefix). */
function tokenMatches(textToken: string, term: SearchTerm, i: number): boolean {
  const want = term.tokens[i];
  return term.prefix && i === term.tokens.length - 1 ? textToken.startsWith(want) : textToken === want;
}

/**
 * Character ranges of the original text where the terms occur, for highlighting: every place a
 * term's tokens appear adjacent and in order, mapped back to the words they came from.
 */
export function matchRanges(text: string, terms: SearchTerm[]): Array<[number, number]> {
  const words = textWords(text);
  const flat = words.flatMap((w, wi) => w.tokens.map((token) => ({ token, wi })));
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    for (let i = 0; i + term.tokens.length <= flat.length; i++) {
      if (!term.tokens.every((_, k) => tokenMatches(flat[i + k].token, term, k))) continue;
      const first = words[flat[i].wi];
      const last = words[flat[i + term.tokens.length - 1].wi];
      ranges.push([first.start, last.end]);
    }
  }
  return mergeRanges(ranges);
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const prev = out.at(-1);
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** A short piece of text around the first match, with highlight ranges relative to it. */
export interface Snippet {
  text: string;
  highlights: Array<[number, number]>;
}

/** Cut a snippet of about `width` characters around the first match (whole text when short). */
export function makeSnippet(text: string, terms: SearchTerm[], width = 160): Snippet {
  const ranges = matchRanges(text, terms);
  if (text.length <= width) return { text, highlights: ranges };
  const anchor = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(anchor - Math.floor(width / 3), text.length - width));
  // Never cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start])) start--;
  const end = Math.min(text.length, start + width);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: prefix + text.slice(start, end) + suffix,
    highlights: ranges
      .filter(([a, b]) => a >= start && b <= end)
      .map(([a, b]) => [a + shift, b + shift] as [number, number]),
  };
}
