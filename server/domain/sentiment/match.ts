import { lexEntry, type Lexicon } from './lexicon';
import { EMOJI, LEXICONS } from './lexicons/index';
import { squeezeTo1 } from './text';
import { makeToken, type Token } from './tokenize';
import type { LexEntry } from './types';

/** A token or phrase after lexicon lookup: what the scorer walks over. Made only by unit(), so all share one shape. */
export interface Unit {
  kind: 'hit' | 'word' | 'emoji' | 'break';
  /** Lexicon entry, for hits. */
  entry: LexEntry | undefined;
  /** Valence, for emoji. */
  v: number | undefined;
  /** Lookup key (joined phrase for multi-token hits). */
  key: string;
  /** Lexicon the unit was read with; undefined for emoji, breaks and unreadable words. */
  lex: Lexicon | undefined;
  caps: boolean;
  elongated: boolean;
  /** For breaks: whether it ends a sentence. */
  sentenceEnd: boolean;
}

/** Which lexicon reads Latin-script words, and which one backs it up in mixed English/Polish text. */
export interface LatinChoice {
  primary: Lexicon;
  secondary?: Lexicon;
  /** Frequent words of the primary language that must never be read with the secondary lexicon. */
  primaryWords: ReadonlySet<string>;
}

const EN_SUFFIXES: ReadonlyArray<[string, string]> = [
  ["'s", ''],
  ['ies', 'y'],
  ['es', ''],
  ['s', ''],
  ['ed', ''],
  ['ed', 'e'],
  ['d', ''],
  ['ing', ''],
  ['ing', 'e'],
  ['ly', ''],
];

function findWord(lex: Lexicon, norm: string, elongated: boolean, allowNie = true): LexEntry | undefined {
  const exact = lex.entries.get(norm) ?? (elongated ? lex.entries.get(squeezeTo1(norm)) : undefined);
  if (exact) return exact;
  if (lex.lang === 'en') {
    for (const [suffix, add] of EN_SUFFIXES) {
      if (norm.length - suffix.length < 3 || !norm.endsWith(suffix)) continue;
      const base = lex.entries.get(norm.slice(0, -suffix.length) + add);
      if (base && !base.role) return base;
    }
  }
  for (let k = norm.length; k >= lex.minStem; k--) {
    const stem = lex.stems.get(norm.slice(0, k));
    if (stem) return stem;
  }
  // Polish writes "not" into adjectives: niemiły, nieprzydatny. Listed words (niestety, niezły) win above.
  if (lex.lang === 'pl' && allowNie && norm.startsWith('nie') && norm.length >= 7) {
    const base = findWord(lex, norm.slice(3), false, false);
    if (base && !base.role && base.v > 0) return lexEntry({ v: -0.8 * base.v });
  }
  return undefined;
}

// A word's lookup (suffixes, stems, Polish "nie-") is the same every time: each lexicon remembers it per
// word (bounded: cleared when full). Entries are never modified, so sharing them is safe.
const LOOKUPS = new Map<Lexicon, [Map<string, LexEntry | null>, Map<string, LexEntry | null>]>();
const LOOKUPS_MAX = 20_000;

function lookupWord(lex: Lexicon, norm: string, elongated: boolean): LexEntry | undefined {
  let memo = LOOKUPS.get(lex);
  if (!memo) LOOKUPS.set(lex, (memo = [new Map(), new Map()]));
  const m = memo[elongated ? 1 : 0];
  const hit = m.get(norm);
  if (hit !== undefined) return hit ?? undefined;
  const e = findWord(lex, norm, elongated);
  if (m.size >= LOOKUPS_MAX) m.clear();
  m.set(norm, e ?? null);
  return e;
}

function latinLike(t: Token): boolean {
  return t.kind === 'word' && (t.script === 'latin' || t.norm === '#');
}

function matchLatin(toks: Token[], i: number, choice: LatinChoice): [LexEntry, Lexicon, number] | null {
  let run = 1;
  while (i + run < toks.length && latinLike(toks[i + run])) run++;
  const lexes = choice.secondary ? [choice.primary, choice.secondary] : [choice.primary];
  // A phrase key can only be found when the first word starts a phrase in one of the lexicons.
  const head = toks[i].norm;
  if (run > 1 && !lexes.some((lex) => lex.phraseHeads.has(head))) run = 1;
  for (let n = Math.min(run, 6); n >= 2; n--) {
    const key = toks
      .slice(i, i + n)
      .map((t) => t.norm)
      .join(' ');
    for (const lex of lexes) {
      const e = n <= lex.maxPhrase ? lex.entries.get(key) : undefined;
      if (e) return [e, lex, n];
    }
  }
  const t = toks[i];
  const own = lookupWord(choice.primary, t.norm, t.elongated);
  if (own) return [own, choice.primary, 1];
  if (choice.secondary && !choice.primaryWords.has(t.norm)) {
    const other = lookupWord(choice.secondary, t.norm, t.elongated);
    if (other) return [other, choice.secondary, 1];
  }
  return null;
}

function matchCjk(toks: Token[], i: number, lex: Lexicon): [LexEntry, number] | null {
  const script = toks[i].script;
  let key = '';
  let best: [LexEntry, number] | null = null;
  for (let n = 1; i + n - 1 < toks.length; n++) {
    const t = toks[i + n - 1];
    if (t.kind !== 'word' || t.script !== script) break;
    key += t.norm;
    if (key.length > lex.maxPhrase) break;
    const e = lex.entries.get(key);
    if (e) best = [e, n];
  }
  return best;
}

// Chinese function characters ICU likes to glue onto words ("也没", "封了"); safe to peel off.
const GLUE = new Set([...'也都就还了的我你他她它们在是又再才却把让吗呢啊吧呀啦得地着过']);

// Splits an ICU segment into lexicon keys (plus glue characters) when it is fully made of them
// ("不好" → 不|好, "很好" → 很|好, "也没" → 也|没).
function cover(s: string, lex: Lexicon): string[] | null {
  if (s.length === 0) return [];
  for (let k = Math.min(s.length, lex.maxPhrase); k >= 1; k--) {
    const head = s.slice(0, k);
    if (!lex.entries.has(head) && !(k === 1 && lex.lang === 'zh' && GLUE.has(head))) continue;
    const rest = cover(s.slice(k), lex);
    if (rest) return [head, ...rest];
  }
  return null;
}

// Covers are the same every time: remembered per lexicon and segment (bounded: cleared when full).
const COVERS = new Map<Lexicon, Map<string, string[] | null>>();

function coverOf(s: string, lex: Lexicon): string[] | null {
  let memo = COVERS.get(lex);
  if (!memo) COVERS.set(lex, (memo = new Map()));
  const hit = memo.get(s);
  if (hit !== undefined) return hit;
  const parts = cover(s, lex);
  if (memo.size >= LOOKUPS_MAX) memo.clear();
  memo.set(s, parts);
  return parts;
}

// A piece of a Thai/Chinese token, with the token's other fields.
function retext(t: Token, text: string): Token {
  return makeToken(text, text, t.kind, t.script, t.caps, t.elongated, t.sentenceEnd);
}

function refineCjk(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    // "好的" alone is "OK", but after an intensifier (非常好的, 蛮好的) it is "good".
    const prev = out[out.length - 1];
    if (t.norm === '好的' && prev && LEXICONS.zh.entries.get(prev.norm)?.role === 'mod') {
      out.push(retext(t, '好'), retext(t, '的'));
      continue;
    }
    const lex =
      t.kind === 'word' ? (t.script === 'thai' ? LEXICONS.th : t.script === 'han' ? LEXICONS.zh : null) : null;
    const parts = lex && !lex.entries.has(t.norm) && t.norm.length <= 12 ? coverOf(t.norm, lex) : null;
    if (parts && parts.length > 1 && parts.some((p) => lex!.entries.has(p)))
      for (const p of parts) out.push(retext(t, p));
    else out.push(t);
  }
  return out;
}

function unit(
  kind: Unit['kind'],
  toks: Token[],
  i: number,
  n: number,
  entry?: LexEntry,
  lex?: Lexicon,
  v?: number,
): Unit {
  const first = toks[i];
  let key = first.norm;
  let caps = first.caps;
  let elongated = first.elongated;
  if (n > 1) {
    const joiner = first.script === 'latin' ? ' ' : '';
    for (let j = i + 1; j < i + n; j++) {
      const t = toks[j];
      key += joiner + t.norm;
      caps ||= t.caps;
      elongated ||= t.elongated;
    }
  }
  // Only break tokens end sentences.
  return { kind, entry, v, key, lex, caps, elongated, sentenceEnd: first.sentenceEnd };
}

/** Reads tokens with the lexicons, merging multi-token phrases and splitting fused Thai/Chinese segments. */
export function matchUnits(tokens: Token[], choice: LatinChoice): Unit[] {
  const toks = refineCjk(tokens.filter((t) => t.kind !== 'punct'));
  const units: Unit[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t.kind === 'break') {
      units.push(unit('break', toks, i, 1));
      i++;
    } else if (t.kind === 'emoji') {
      units.push(unit('emoji', toks, i, 1, undefined, undefined, EMOJI.get(t.norm) ?? 0));
      i++;
    } else if (t.script === 'latin') {
      const m = matchLatin(toks, i, choice);
      units.push(m ? unit('hit', toks, i, m[2], m[0], m[1]) : unit('word', toks, i, 1, undefined, choice.primary));
      i += m ? m[2] : 1;
    } else if (t.script === 'thai' || t.script === 'han') {
      const lex = t.script === 'thai' ? LEXICONS.th : LEXICONS.zh;
      const m = matchCjk(toks, i, lex);
      units.push(m ? unit('hit', toks, i, m[1], m[0], lex) : unit('word', toks, i, 1, undefined, lex));
      i += m ? m[1] : 1;
    } else {
      const e = t.norm === '555' ? LEXICONS.th.entries.get('555') : undefined;
      units.push(e ? unit('hit', toks, i, 1, e, LEXICONS.th) : unit('word', toks, i, 1));
      i++;
    }
  }
  return units;
}
