/**
 * Offline sentiment for inbound customer messages in English, Polish, Thai and Chinese.
 * Pure: no I/O, lexicons are prebuilt at module load, one shared Intl.Segmenter.
 */
export type { SentimentLabel, SentimentResult } from './types';
export {
  analyzeLexicon,
  analyzeSentiment,
  labelFor,
  NEGATIVE_AT,
  POSITIVE_AT,
  sentimentFeatures,
  type SentimentAdjust,
} from './analyzeSentiment';
export { detectLanguage } from './detectLanguage';
export { evaluateSentiment, type SentimentEvaluation, type LabelStats } from './evaluate';
