/**
 * Public, human-labelled sentiment data for training and evaluating the model. The files are not in
 * the repository: docs/sentiment.md says where each comes from (repository, commit, path, licence);
 * their SHA-256 sums are pinned in scripts/sentiment-data.sha256 and checked before use.
 * Only training and validation splits are read here; no official test split is ever opened.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SentimentLabel } from '#server/domain/sentiment/index';
import { weiboClauses } from '#scripts/sentiment/weibo';
import { prng } from '#scripts/simulate/prng';

export interface Sample {
  text: string;
  label: SentimentLabel;
}

export interface LanguageData {
  train: Sample[];
  val: Sample[];
  /**
   * Samples for choosing hyper-parameters, when they must not be the evaluation samples (a corpus
   * without an official split, split here); otherwise the validation samples serve both.
   */
  tune?: Sample[];
  /** Which split the validation samples come from, for the printed report. */
  valSource: string;
}

export const DATA_DIR = resolve(process.env.SENTIMENT_DATA_DIR ?? 'data/sentiment');
const SUMS = resolve('scripts/sentiment-data.sha256');
const TWEET_LABELS: SentimentLabel[] = ['negative', 'neutral', 'positive'];
const WISESIGHT: Record<string, SentimentLabel> = { neg: 'negative', neu: 'neutral', pos: 'positive' };

function pinned(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(SUMS, 'utf8').split('\n')) {
    const m = /^([0-9a-f]{64})\s+(\S+)$/.exec(line.trim());
    if (m) out.set(m[2], m[1]);
  }
  return out;
}

function read(name: string, sums: Map<string, string>): string {
  const file = join(DATA_DIR, name);
  const buf = readFileSync(file);
  const sum = createHash('sha256').update(buf).digest('hex');
  if (sums.get(name) !== sum) throw new Error(`${file}: sha256 ${sum} does not match scripts/sentiment-data.sha256`);
  return buf.toString('utf8');
}

const lines = (s: string) => s.replace(/\n$/, '').split('\n');
// TweetEval/XLM-T files escape newlines and commas as \n-like sequences (\u2019, \u002c).
const unescapeTweet = (s: string) =>
  s.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).trim();

function tweets(text: string, labels: string): Sample[] {
  const t = lines(text);
  const l = lines(labels);
  if (t.length !== l.length) throw new Error('tweet text/label files differ in length');
  return t.map((x, i) => ({ text: unescapeTweet(x), label: TWEET_LABELS[Number(l[i])] }));
}

const SEMEVAL = ['2013train', '2013dev', '2015train', '2016train', '2016dev'].map((n) => `semeval_twitter-${n}-A.tsv`);

// SemEval-2017 task 4A "downloaded" files: id, label word, tweet (escaped like TweetEval).
function semeval(tsv: string): Sample[] {
  return lines(tsv).map((l) => {
    const [, label, ...rest] = l.split('\t');
    return { text: unescapeTweet(rest.join(' ')), label: label as SentimentLabel };
  });
}

function wisesight(jsonl: string): Sample[] {
  return lines(jsonl)
    .map((l) => JSON.parse(l) as { texts: string; category: string })
    .filter((r) => r.category in WISESIGHT)
    .map((r) => ({ text: r.texts.trim(), label: WISESIGHT[r.category] }));
}

const WEIBO = 'weibo_emotion_classification.tsv';

const key = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

// Sorted and de-duplicated (first label wins), without any text in `exclude`.
function clean(samples: Sample[], exclude: Set<string> = new Set()): Sample[] {
  const seen = new Set<string>();
  const out: Sample[] = [];
  for (const s of [...samples].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))) {
    const k = key(s.text);
    if (!s.text || seen.has(k) || exclude.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}

/** Per-language training and validation data present in DATA_DIR, verified against the pinned sums. */
export function loadData(): Map<string, LanguageData> {
  const out = new Map<string, LanguageData>();
  if (!existsSync(SUMS) || !existsSync(DATA_DIR)) return out;
  const sums = pinned();
  const has = (...names: string[]) => names.every((n) => existsSync(join(DATA_DIR, n)));
  const en = ['xlmt_en_train_text.txt', 'xlmt_en_train_labels.txt', 'xlmt_en_val_text.txt', 'xlmt_en_val_labels.txt'];
  const te = ['tweeteval_val_text.txt', 'tweeteval_val_labels.txt'];
  if (has(...en, ...te)) {
    const val = clean(tweets(read(en[2], sums), read(en[3], sums)));
    const pool = [...tweets(read(en[0], sums), read(en[1], sums)), ...tweets(read(te[0], sums), read(te[1], sums))];
    if (has(...SEMEVAL)) for (const f of SEMEVAL) pool.push(...semeval(read(f, sums)));
    out.set('en', {
      train: clean(pool, new Set(val.map((s) => key(s.text)))),
      val,
      valSource: 'XLM-T English validation',
    });
  }
  if (has('wisesight/train.jsonl', 'wisesight/valid.jsonl')) {
    const val = clean(wisesight(read('wisesight/valid.jsonl', sums)));
    const train = clean(wisesight(read('wisesight/train.jsonl', sums)), new Set(val.map((s) => key(s.text))));
    out.set('th', { train, val, valSource: 'Wisesight validation' });
  }
  if (has(WEIBO)) {
    const parts = weiboClauses(read(WEIBO, sums));
    const val = clean(parts.heldOut);
    const tune = clean(parts.tune, new Set(val.map((s) => key(s.text))));
    const train = clean(parts.train, new Set([...val, ...tune].map((s) => key(s.text))));
    out.set('zh', { train, val, tune, valSource: 'Weibo emotion corpus, held-out posts' });
  }
  return out;
}

/** Seeded Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = prng(seed);
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** The same number of samples per label (the smallest class's count), chosen by a seeded shuffle. */
export function balanced(samples: readonly Sample[], seed = 15): Sample[] {
  const by = new Map<SentimentLabel, Sample[]>();
  for (const s of shuffled(samples, seed)) by.set(s.label, [...(by.get(s.label) ?? []), s]);
  const n = Math.min(...TWEET_LABELS.map((l) => by.get(l)?.length ?? 0));
  return TWEET_LABELS.flatMap((l) => (by.get(l) ?? []).slice(0, n));
}
