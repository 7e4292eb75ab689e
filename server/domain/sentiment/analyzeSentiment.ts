import { detectLanguage, detectLatinLanguage } from './detectLanguage';
import { LATIN_WORDS } from './latinWords';
import { LEXICONS, THAI_PROTECTED } from './lexicons/index';
import { matchUnits, type LatinChoice } from './match';
import { patternScore } from './patterns';
import { scoreUnits } from './score';
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

function latinChoice(language: string, tokens: Token[]): LatinChoice {
  let lang = language;
  if (lang !== 'en' && lang !== 'pl') {
    const latin = tokens
      .filter((t) => t.script === 'latin')
      .map((t) => t.raw)
      .join(' ');
    lang = detectLatinLanguage(latin) === 'pl' ? 'pl' : 'en';
  }
  const other = lang === 'pl' ? 'en' : 'pl';
  return { primary: LEXICONS[lang as 'en' | 'pl'], secondary: LEXICONS[other], primaryWords: LATIN_WORDS.get(lang)! };
}

/** Maps any raw valence sum to a score in [-1, 1] and its label. */
export function labelFor(sum: number): { score: number; label: SentimentLabel } {
  const score = Math.round((sum / Math.sqrt(sum * sum + ALPHA)) * 1000) / 1000 || 0;
  return { score, label: score >= POSITIVE_AT ? 'positive' : score <= NEGATIVE_AT ? 'negative' : 'neutral' };
}

/**
 * Scores the sentiment of one customer message offline with lexicons for English, Polish, Thai and
 * Chinese; text in any other language scores neutral, and emoji-only messages are read from the emoji.
 */
export function analyzeSentiment(text: string): SentimentResult {
  const language = detectLanguage(text);
  const tokens = tokenize(text.slice(0, 5000), THAI_PROTECTED);
  const supported = language in LEXICONS;
  const hasLetters = tokens.some((t) => t.kind === 'word' && t.script !== 'other');
  if (!supported && hasLetters) return { score: 0, label: 'neutral', language };
  const latinWords = tokens.filter((t) => t.kind === 'word' && t.script === 'latin' && t.raw.length >= 3);
  const capsWords = latinWords.filter((t) => t.caps).length;
  const shouting = capsWords >= 2 && capsWords >= latinWords.length * 0.6;
  const units = matchUnits(tokens, latinChoice(language, tokens));
  const sum = scoreUnits(units, { shouting }) + (supported ? patternScore(text.slice(0, 5000).toLowerCase()) : 0);
  return { ...labelFor(sum), language };
}
