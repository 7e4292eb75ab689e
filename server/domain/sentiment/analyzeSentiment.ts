import { detectLanguage, detectLatinLanguage } from './detectLanguage';
import { LATIN_WORDS } from './latinWords';
import { LEXICONS, THAI_PROTECTED } from './lexicons/index';
import { matchUnits, type LatinChoice } from './match';
import { featurize, hashedFeatures } from './model/features';
import { MODELS } from './model/index';
import { mixWithLexicon, predictHashed, predictProbs } from './model/linear';
import { patternScore } from './patterns';
import { scoreUnits } from './score';
import { emojiSum } from './signals';
import { tokenize, type Token } from './tokenize';
import type { SentimentLabel, SentimentResult } from './types';

/**
 * Label thresholds on the normalised score. ±0.2 corresponds to a raw sum of about ±0.8: one clearly
 * polar word ("thanks", "broken", 😡) labels a message, while weak cues — "problem" inside a question,
 * a polite "thanks" after a request, a bare "refund" — stay neutral, as agents would read them.
 */
export const POSITIVE_AT = 0.2;
/** See POSITIVE_AT. */
export const NEGATIVE_AT = -0.2;
// Same squashing as VADER: sum / sqrt(sum² + α) maps any sum into (-1, 1) smoothly.
const ALPHA = 15;
const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

function latinLanguage(language: string, tokens: Token[]): 'en' | 'pl' {
  if (language === 'en' || language === 'pl') return language;
  const latin = tokens
    .filter((t) => t.script === 'latin')
    .map((t) => t.raw)
    .join(' ');
  return detectLatinLanguage(latin) === 'pl' ? 'pl' : 'en';
}

function latinChoice(lang: 'en' | 'pl'): LatinChoice {
  const other = lang === 'pl' ? 'en' : 'pl';
  return { primary: LEXICONS[lang], secondary: LEXICONS[other], primaryWords: LATIN_WORDS.get(lang)! };
}

/** Maps any raw valence sum to a score in [-1, 1] and its label. */
export function labelFor(sum: number): { score: number; label: SentimentLabel } {
  const score = Math.round((sum / Math.sqrt(sum * sum + ALPHA)) * 1000) / 1000 || 0;
  return { score, label: score >= POSITIVE_AT ? 'positive' : score <= NEGATIVE_AT ? 'negative' : 'neutral' };
}

/** What the lexicon reads in a message, before any veto or model. */
interface LexiconReading {
  language: string;
  tokens: Token[];
  sum: number;
  /** The detected language has its own lexicon. */
  supported: boolean;
  hasLetters: boolean;
  /** The supported language whose lexicon/model reads the message (by script when detection fails). */
  readAs: 'en' | 'pl' | 'th' | 'zh' | null;
}

// A message in a confidently detected other language (es, ru, ja…) is read only from its emoji; an
// undetermined one (short, mixed, Polish without diacritics) by its dominant script.
function readAsOf(language: string, tokens: Token[]): LexiconReading['readAs'] {
  if (language in LEXICONS) return language as LexiconReading['readAs'];
  if (language !== 'und') return null;
  const count = { thai: 0, han: 0, latin: 0 };
  for (const t of tokens) if (t.kind === 'word' && t.script !== 'other') count[t.script]++;
  if (count.thai === 0 && count.han === 0 && count.latin === 0) return null;
  if (count.thai >= count.han && count.thai >= count.latin) return 'th';
  if (count.han >= count.latin) return 'zh';
  return latinLanguage(language, tokens);
}

function readLexicon(text: string): LexiconReading {
  const language = detectLanguage(text);
  const body = text.slice(0, 5000);
  const tokens = tokenize(body, THAI_PROTECTED);
  const supported = language in LEXICONS;
  const hasLetters = tokens.some((t) => t.kind === 'word' && (t.script !== 'other' || /\p{L}/u.test(t.raw)));
  const latinWords = tokens.filter((t) => t.kind === 'word' && t.script === 'latin' && t.raw.length >= 3);
  const capsWords = latinWords.filter((t) => t.caps).length;
  const shouting = capsWords >= 2 && capsWords >= latinWords.length * 0.6;
  const units = matchUnits(tokens, latinChoice(latinLanguage(language, tokens)));
  const readAs = readAsOf(language, tokens);
  const sum =
    readAs === null && hasLetters
      ? emojiSum(units, false)
      : scoreUnits(units, { shouting }) + (supported ? patternScore(body.toLowerCase()) : 0);
  return { language, tokens, sum, supported, hasLetters, readAs };
}

/**
 * The hand-written lexicon analyser alone, as it was before the learned model: text detected in an
 * unsupported language scores neutral. Kept for `npm run eval:sentiment` to compare against.
 */
export function analyzeLexicon(text: string): SentimentResult {
  const r = readLexicon(text);
  if (!r.supported && r.hasLetters) return { score: 0, label: 'neutral', language: r.language, confidence: 0 };
  return { ...labelFor(r.sum), language: r.language, confidence: lexiconConfidence(r.sum, r.supported) };
}

// The lexicon's certainty grows with how far the score is from the label thresholds.
function lexiconConfidence(sum: number, supported: boolean): number {
  const { score } = labelFor(sum);
  const margin = Math.abs(score) >= POSITIVE_AT ? Math.abs(score) : POSITIVE_AT - Math.abs(score);
  const c = 0.5 + Math.min(0.45, margin);
  return Math.round((supported ? c : Math.min(c, 0.5)) * 1000) / 1000;
}

/** Per-call adjustments from a workspace's corrections (see corrections overlay). */
export interface SentimentAdjust {
  /** Label remembered for exactly this text (normalised), when an agent corrected it before. */
  exact?: (text: string) => SentimentLabel | undefined;
  /** Extra per-class logits for the message's features. */
  offset?: (idx: readonly number[], val: readonly number[]) => [number, number, number] | undefined;
}

/**
 * Scores the sentiment of one customer message offline. English, Thai and Chinese (and any language with
 * shipped weights) go through a learned linear model over character n-grams, words and the lexicon's
 * own reading; other text is read by the lexicons. Language detection never vetoes: mixed-language,
 * undetermined and emoji-only messages are read by their dominant script or their emoji.
 */
export function analyzeSentiment(text: string, adjust?: SentimentAdjust): SentimentResult {
  const r = readLexicon(text);
  const lex = labelFor(r.sum);
  const remembered = adjust?.exact?.(text);
  if (remembered) return { score: scoreOf(remembered), label: remembered, language: r.language, confidence: 1 };
  const model = r.readAs ? MODELS.get(r.readAs) : undefined;
  const f = adjust?.offset ? featurize(text, r.tokens, lex.score) : null;
  if (!model || !r.hasLetters) {
    const confidence = lexiconConfidence(r.sum, r.readAs !== null || !r.hasLetters);
    const offset = f && adjust?.offset?.(f.idx, f.val);
    if (!offset) return { ...lex, language: r.language, confidence };
    // The lexicon's label as probabilities (its confidence on the label, the rest split), shifted by
    // the workspace's learned adjustments.
    const k = LABELS.indexOf(lex.label);
    const logits = LABELS.map((_, c) => Math.log(c === k ? confidence : (1 - confidence) / 2) + offset[c]);
    return fromProbs(softmax(logits), r.language);
  }
  // Short messages with a lexicon cue ("not bad at all", "so bad", "WHERE IS MY ORDER") are read by
  // the lexicon's rules: negation scope, intensity and shouting are explicit there, while the model,
  // trained on longer tweets, has too few n-grams to weigh them and saturates its score.
  if (!(f && adjust?.offset?.(f.idx, f.val)) && r.sum !== 0 && wordCount(r.tokens) <= SHORT_WORDS) {
    return { ...lex, language: r.language, confidence: lexiconConfidence(r.sum, true) };
  }
  // Without adjustments the features go straight into the model, with no arrays built for them.
  const raw = f
    ? predictProbs(model, f, adjust?.offset?.(f.idx, f.val))
    : predictHashed(model, hashedFeatures(text, r.tokens), lex.score);
  return fromProbs(mixWithLexicon(model, raw, LABELS.indexOf(lex.label), r.sum !== 0), r.language);
}

/** Messages of at most this many words with a lexicon cue are read by the lexicon's rules. */
const SHORT_WORDS = 5;

function wordCount(tokens: readonly Token[]): number {
  return tokens.filter((t) => t.kind === 'word' && t.script !== 'other').length;
}

function softmax(z: number[]): number[] {
  const top = Math.max(...z);
  const e = z.map((x) => Math.exp(x - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

// Label = most probable class; score = P(positive) − P(negative); confidence = the label's probability.
function fromProbs(p: readonly number[], language: string): SentimentResult {
  const best = p[2] > p[0] && p[2] > p[1] ? 2 : p[0] > p[1] ? 0 : 1;
  const score = Math.round((p[2] - p[0]) * 1000) / 1000 || 0;
  return { score, label: LABELS[best], language, confidence: Math.round(p[best] * 1000) / 1000 };
}

function scoreOf(label: SentimentLabel): number {
  return label === 'positive' ? 0.8 : label === 'negative' ? -0.8 : 0;
}

/** The model features of a message and the lexicon's reading (for the trainer and workspace adaptation). */
export function sentimentFeatures(text: string): { idx: number[]; val: number[]; lexiconClass: number; cue: boolean } {
  const r = readLexicon(text);
  const lex = labelFor(r.sum);
  const f = featurize(text, r.tokens, lex.score);
  return { ...f, lexiconClass: LABELS.indexOf(lex.label), cue: r.sum !== 0 };
}
