/**
 * Chinese training and evaluation data from the Weibo emotion corpus of Cheng et al. (2017, TALLIP),
 * wjhou/Weibo-Emotion-Corpus, Apache-2.0 (docs/sentiment.md). Annotators marked the emotion of each
 * clause of a Weibo post (or "No_emotion"); emotions map to polarity, "No_emotion" to neutral.
 * The corpus has no split of its own, so posts are split by their number: see `splitOf`.
 */
import type { SentimentLabel } from '#server/domain/sentiment/index';
import type { Sample } from '#scripts/sentiment/data';

const POLARITY: Record<string, SentimentLabel | null> = {
  快乐: 'positive', // happiness
  正面: 'positive', // other positive emotion
  负面: 'negative', // other negative emotion
  愤怒: 'negative', // anger
  悲伤: 'negative', // sadness
  恐惧: 'negative', // fear
  No_emotion: 'neutral',
  // The corpus's own "neutral" emotion (a wish, a sigh, surprise) is an emotion without a polarity,
  // not the absence of sentiment: such clauses are left out.
  中性: null,
};

/** Which part of the fixed split a post belongs to: every fifth post held out, the next fifth for tuning. */
export function splitOf(post: number): 'heldOut' | 'tune' | 'train' {
  return post % 5 === 0 ? 'heldOut' : post % 5 === 1 ? 'tune' : 'train';
}

const ASCII_END = /[A-Za-z0-9]$/;
const ASCII_START = /^[A-Za-z0-9@#]/;

// The corpus is word-segmented with spaces; Chinese is written without them, Latin words keep one.
// Weibo's emoticons, tokens like face_哈哈 here, are written back as Weibo shows them in text: [哈哈].
function join(tokens: string[]): string {
  let out = '';
  for (const raw of tokens) {
    const t = raw.startsWith('face_') ? `[${raw.slice(5)}]` : raw;
    out += out && ASCII_END.test(out) && ASCII_START.test(t) ? ` ${t}` : t;
  }
  return out.trim();
}

function labelOf(raw: string): SentimentLabel | null {
  const labels = new Set(raw.split('+').map((l) => POLARITY[l]));
  if (labels.size !== 1) return null; // mixed polarities, or an unknown tag
  return [...labels][0] ?? null;
}

/** Clause samples of `emotion_classification.tsv`, by part of the split (cause-detection rows skipped). */
export function weiboClauses(tsv: string): Record<ReturnType<typeof splitOf>, Sample[]> {
  const out: Record<ReturnType<typeof splitOf>, Sample[]> = { heldOut: [], tune: [], train: [] };
  for (const line of tsv.split('\n')) {
    const cells = line.replace(/\r$/, '').split('\t');
    const from = cells.indexOf('beg_curclause');
    const to = cells.indexOf('end_curclause');
    if (from < 0 || to < from) continue;
    const label = labelOf(cells[1]);
    const text = join(cells.slice(from + 1, to));
    if (!label || !/\p{L}/u.test(text)) continue;
    out[splitOf(Number(cells[0].split('-')[0]))].push({ text, label });
  }
  return out;
}
