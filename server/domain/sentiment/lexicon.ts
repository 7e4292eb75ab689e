import type { LexEntry } from './types';

/**
 * Raw lexicon data for one language, written as compact whitespace-separated strings so the
 * word lists stay readable. A term is `key:valence[/negatedValence][~][t]`: `~` marks a soft,
 * topic-like term damped in questions, `t` marks gratitude. Modifiers are `key:factor[/ownValence]`.
 * In Latin-script languages `_` joins the words of a phrase and a trailing `*` makes the key a
 * prefix (stem) match; Thai and Chinese keys are matched against concatenated ICU segments.
 */
export interface LexiconSource {
  words: string;
  /** Negators; one may carry its own valence ("nobody:-1.2~"), as "nobody answered" is a complaint anyway. */
  negators: string;
  weakNegators?: string;
  /** Modifiers written before the word they modify: `very:1.4`. */
  preModifiers: string;
  /** Modifiers written after the word they modify: Thai `มาก:1.5`, Chinese `死了:1.6`. */
  postModifiers?: string;
  but: string;
  /** "Still" words: they sharpen a following negation and may carry a (soft) valence of their own. */
  still: string;
  /** Words that make a sentence a question even without "?" (Thai ไหม, Chinese 吗, Polish czy). */
  questionWords: string;
  /** Words that make a sentence a question when they open it (English "can", Polish "kiedy"). */
  questionStarts?: string;
  /** Words that make a sentence a question when they close it (Chinese "…了没有"). */
  questionEnds?: string;
  /** Words that make a message a request, turning a bare "thanks" into politeness. */
  requestWords: string;
  /** Words after a thanks that name what was done ("thanks for…"), keeping it real gratitude. */
  thanksObjects: string;
}

/** A language's lexicon prebuilt into Maps and Sets once at module load. */
export interface Lexicon {
  lang: string;
  /** Joiner used to build phrase keys from tokens: ' ' for Latin script, '' for Thai and Chinese. */
  joiner: string;
  entries: Map<string, LexEntry>;
  stems: Map<string, LexEntry>;
  /** Longest phrase, in tokens (Latin) or characters (Thai/Chinese). */
  maxPhrase: number;
  minStem: number;
  questionWords: Set<string>;
  questionStarts: Set<string>;
  questionEnds: Set<string>;
  requestWords: Set<string>;
  /** Every prefix of every request word, so a unit that starts none is never joined with the next to look it up. */
  requestPrefixes: Set<string>;
  /** First words of multi-word Latin phrases, so a word that starts none is never joined with the next ones. */
  phraseHeads: Set<string>;
  thanksObjects: Set<string>;
}

// Every prefix (the empty one and the whole word included) of each word in a set.
function prefixesOf(words: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words) for (let k = 0; k <= w.length; k++) out.add(w.slice(0, k));
  return out;
}

/**
 * The entry with every field present (absent ones undefined) in one order: all entries then share one
 * object shape, so the scorer's reads of them stay monomorphic whichever kinds of words a message holds.
 */
export function lexEntry(e: LexEntry): LexEntry {
  return { v: e.v, neg: e.neg, soft: e.soft, thanks: e.thanks, role: e.role, factor: e.factor, at: e.at, weak: e.weak };
}

const SPEC = /^(-?\d+(?:\.\d+)?)([~t]*)(?:\/(-?\d+(?:\.\d+)?))?([~t]*)$/;

function terms(list: string | undefined): string[] {
  return list ? list.split(/\s+/).filter(Boolean) : [];
}

function parseSpec(item: string): [string, LexEntry] {
  const at = item.lastIndexOf(':');
  const m = at > 0 ? SPEC.exec(item.slice(at + 1)) : null;
  if (!m) throw new Error(`bad lexicon item "${item}"`);
  const entry: LexEntry = { v: Number(m[1]) };
  const flags = m[2] + m[4];
  if (m[3] !== undefined) entry.neg = Number(m[3]);
  if (flags.includes('~')) entry.soft = true;
  if (flags.includes('t')) entry.thanks = true;
  return [item.slice(0, at), entry];
}

/** Turns one language's raw lists into lookup Maps; `fold` normalises keys the same way tokens are. */
export function buildLexicon(lang: string, src: LexiconSource, fold: (s: string) => string, joiner: string): Lexicon {
  const entries = new Map<string, LexEntry>();
  const stems = new Map<string, LexEntry>();
  let maxPhrase = 1;
  let minStem = Infinity;
  const put = (rawKey: string, given: LexEntry): void => {
    const entry = lexEntry(given);
    const key = fold(joiner === ' ' ? rawKey.replace(/_/g, ' ') : rawKey);
    if (key.endsWith('*')) {
      const stem = key.slice(0, -1);
      stems.set(stem, entry);
      minStem = Math.min(minStem, stem.length);
      return;
    }
    entries.set(key, entry);
    maxPhrase = Math.max(maxPhrase, joiner === ' ' ? key.split(' ').length : key.length);
  };
  for (const item of terms(src.words)) put(...parseSpec(item));
  const withSpec = (item: string): [string, LexEntry] => (item.includes(':') ? parseSpec(item) : [item, { v: 0 }]);
  for (const item of terms(src.negators)) {
    const [key, e] = withSpec(item);
    put(key, { ...e, role: 'negator' });
  }
  for (const item of terms(src.weakNegators)) {
    const [key, e] = withSpec(item);
    put(key, { ...e, role: 'negator', weak: true });
  }
  for (const item of terms(src.preModifiers)) {
    const [key, e] = parseSpec(item);
    put(key, { v: e.neg ?? 0, role: 'mod', factor: e.v, at: 'pre' });
  }
  for (const item of terms(src.postModifiers)) {
    const [key, e] = parseSpec(item);
    const prev = entries.get(fold(key));
    put(key, { v: e.neg ?? prev?.v ?? 0, role: 'mod', factor: e.v, at: prev?.at === 'pre' ? 'both' : 'post' });
  }
  for (const key of terms(src.but)) put(key, { v: 0, role: 'but' });
  for (const item of terms(src.still)) {
    const [key, e] = withSpec(item);
    put(key, { ...e, role: 'still' });
  }
  // Thai and Chinese question words must survive segmentation (หรือ|เปล่า → หรือเปล่า), so they are keys too.
  if (joiner === '') for (const key of terms(src.questionWords)) if (!entries.has(key)) put(key, { v: 0 });
  const set = (list: string) => new Set(terms(list).map((k) => fold(k.replace(/_/g, ' '))));
  const requestWords = set(src.requestWords);
  const phraseHeads = new Set(
    joiner === ' ' ? [...entries.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]) : [],
  );
  return {
    lang,
    joiner,
    entries,
    stems,
    maxPhrase,
    minStem: Number.isFinite(minStem) ? minStem : 99,
    questionWords: set(src.questionWords),
    questionStarts: set(src.questionStarts ?? ''),
    questionEnds: set(src.questionEnds ?? ''),
    requestWords,
    requestPrefixes: prefixesOf(requestWords),
    phraseHeads,
    thanksObjects: set(src.thanksObjects),
  };
}
