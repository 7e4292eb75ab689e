/**
 * Offline sentiment for inbound customer messages in English, Polish, Thai and Chinese.
 * Pure: no I/O, lexicons are prebuilt at module load, one shared Intl.Segmenter.
 */
export type { SentimentLabel, SentimentResult } from './types';
export { analyzeSentiment, labelFor, NEGATIVE_AT, POSITIVE_AT } from './analyzeSentiment';
export { detectLanguage } from './detectLanguage';
export { evaluateSentiment, type SentimentEvaluation, type LabelStats } from './evaluate';
