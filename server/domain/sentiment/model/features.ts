import type { Token } from '#server/domain/sentiment/tokenize';

/** Hashed feature space per language: 2^18 slots shared by character n-grams, words and word pairs. */
export const FEATURE_BITS = 18;
const MASK = (1 << FEATURE_BITS) - 1;
const PRIME = 16777619;
const SEED_CHAR = 2166136261;
const SEED_WORD = 0x9747b28c;
const SEED_PAIR = 0x5bd1e995;
const SEED_LEX = 0x27d4eb2f;
const MAX_CHARS = 1000;

/** Sparse feature vector: slot indices and their values (a slot may repeat; values add up). */
export interface Features {
  idx: number[];
  val: number[];
}

// Letters of scripts written with spaces between words: single letters carry nothing there.
const isLatinOrSpace = (c: number) => c === 32 || (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0x24f) || c === 48;

function hashString(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return (h ^ (h >>> 15)) & MASK;
}

// hashString(`${a}\u0001${b}`, seed), without building the string.
function hashPair(a: string, b: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a.charCodeAt(i), PRIME);
  h = Math.imul(h ^ 1, PRIME);
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b.charCodeAt(i), PRIME);
  return (h ^ (h >>> 15)) & MASK;
}

/** Lower-cased text with digits as 0, whitespace runs as one space and stretched letters cut to two. */
export function normaliseForNgrams(text: string): string {
  return ` ${text
    .slice(0, MAX_CHARS)
    .toLowerCase()
    .replace(/[0-9]+/g, '0')
    .replace(/\s+/gu, ' ')
    .replace(/(.)\1{2,}/gu, '$1$1')
    .trim()} `;
}

// Slots of the message being featurized, reused across calls so scoring a message allocates no
// feature arrays (the hot path reads them straight into the model, see hashedFeatures).
let slots = new Int32Array(1024);
let count = 0;

function add(slot: number): void {
  if (count === slots.length) {
    const grown = new Int32Array(slots.length * 2);
    grown.set(slots);
    slots = grown;
  }
  slots[count++] = slot;
}

/** The hashed slots of one message, in the order featurize lists them; valid until the next call. */
export interface HashedFeatures {
  slots: Int32Array;
  count: number;
}

/**
 * Hashed features of one message (character 1–4-grams without single Latin letters, then word
 * unigrams and bigrams from the analyser's tokens) into a shared buffer: read them before the next call.
 */
export function hashedFeatures(text: string, tokens: readonly Token[]): HashedFeatures {
  count = 0;
  const s = normaliseForNgrams(text);
  for (let i = 0; i < s.length; i++) {
    let h = SEED_CHAR;
    for (let n = 1; n <= 4 && i + n <= s.length; n++) {
      const c = s.charCodeAt(i + n - 1);
      h = Math.imul(h ^ c, PRIME);
      if (n === 1 && isLatinOrSpace(c)) continue;
      add((h ^ (h >>> 15) ^ n) & MASK);
    }
  }
  let prev = '';
  for (const t of tokens) {
    if (t.kind === 'break' && !/[!?]/.test(t.norm)) {
      prev = '';
      continue;
    }
    const key = t.kind === 'word' || t.kind === 'emoji' ? t.norm : t.norm.trim();
    if (!key) continue;
    add(hashString(key, SEED_WORD));
    if (prev) add(hashPair(prev, key, SEED_PAIR));
    prev = key;
  }
  return { slots, count };
}

/** Slots of the lexicon's three dense signals (positive, negative, no cue), after the hashed ones. */
export const LEXICON_SLOTS: readonly [number, number, number] = [
  hashString('lex+', SEED_LEX),
  hashString('lex-', SEED_LEX),
  hashString('lex0', SEED_LEX),
];

/** Values of the lexicon's three dense signals for its score. */
export function lexiconValues(lexiconScore: number): [number, number, number] {
  return [Math.max(0, lexiconScore) * 2, Math.max(0, -lexiconScore) * 2, lexiconScore === 0 ? 1 : 0];
}

/**
 * Features of one message for the linear model: character 1–4-grams (no single Latin letters),
 * word unigrams and bigrams from the analyser's tokens, and the lexicon's own verdict as dense
 * signals. Hashed values are scaled by 1/√count so long and short messages weigh alike.
 */
export function featurize(text: string, tokens: Token[], lexiconScore: number): Features {
  const h = hashedFeatures(text, tokens);
  const idx: number[] = Array.from(h.slots.subarray(0, h.count));
  const w = idx.length ? 1 / Math.sqrt(idx.length) : 0;
  const val: number[] = new Array<number>(idx.length).fill(w);
  // The lexicon's reading, as three dense signals the model weighs against the n-grams.
  idx.push(...LEXICON_SLOTS);
  val.push(...lexiconValues(lexiconScore));
  return { idx, val };
}
