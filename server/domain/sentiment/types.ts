/** Polarity bucket shown to agents next to every inbound message. */
export type SentimentLabel = 'negative' | 'neutral' | 'positive';

/** Outcome of analysing one message: a bounded score, its label and the language it was read as. */
export interface SentimentResult {
  /** Normalised polarity in [-1, 1]; 0 when nothing polar (or nothing understood) was found. */
  score: number;
  label: SentimentLabel;
  /** 'en' | 'th' | 'pl' | 'zh', another ISO 639-1 code when confidently detected, or 'und'. */
  language: string;
  /** How sure the analyser is of the label, in [0, 1] (the model's class probability, or the lexicon's margin). */
  confidence: number;
}

/** One lexicon term: how polar it is and how it behaves next to negators, modifiers and questions. */
export interface LexEntry {
  /** Valence on a roughly −4…+4 scale when the term is used plainly. */
  v: number;
  /** Valence when negated ("not working", "没有收到"); when absent a default flip rule applies. */
  neg?: number;
  /** Topic-like term ("problem", "refund") that only weakly signals mood, so it is damped inside questions. */
  soft?: boolean;
  /** Gratitude that turns into mere politeness after a request ("…please, thanks"). */
  thanks?: boolean;
  /** Grammatical role; plain sentiment terms have none. */
  role?: 'negator' | 'mod' | 'but' | 'still';
  /** Multiplier for modifiers: above 1 intensifies ("very"), below 1 diminishes ("a bit"). */
  factor?: number;
  /** Whether a modifier applies to the word after it, before it, or both (Thai "ดีมาก" is post). */
  at?: 'pre' | 'post' | 'both';
  /** Negators like "not very"/"ไม่ค่อย"/"不太" that soften the flipped value. */
  weak?: boolean;
}

/** Script family a token belongs to; it picks the lexicon used to read the token. */
export type Script = 'latin' | 'thai' | 'han' | 'other';
