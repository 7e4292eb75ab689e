/**
 * Evaluates the offline sentiment analyser on labelled fixtures, one JSON file per language.
 * Usage: npx tsx scripts/evalSentiment.ts [dir]   (dir defaults to tests/fixtures/sentiment)
 * Exits 1 when a language file is missing or any language scores below the macro-F1 bar.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeSentiment, evaluateSentiment, type SentimentLabel } from '#server/domain/sentiment/index';

const LANGUAGES = ['en', 'th', 'pl', 'zh'] as const;
const MIN_MACRO_F1 = 0.85;
const dir = resolve(process.argv[2] ?? 'tests/fixtures/sentiment');

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
const rows: string[] = [];
let failed = false;

for (const lang of LANGUAGES) {
  const file = join(dir, `${lang}.json`);
  if (!existsSync(file)) {
    rows.push(`${lang}  MISSING ${file}`);
    failed = true;
    continue;
  }
  const samples = JSON.parse(readFileSync(file, 'utf8')) as { text: string; label: SentimentLabel }[];
  const result = evaluateSentiment(samples);
  const rounds = Math.max(1, Math.ceil(20_000 / Math.max(1, samples.length)));
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const s of samples) analyzeSentiment(s.text);
  const micros = Number(process.hrtime.bigint() - start) / 1000 / (rounds * Math.max(1, samples.length));
  const ok = result.macroF1 >= MIN_MACRO_F1;
  failed ||= !ok;
  const { negative, neutral, positive } = result.perLabel;
  rows.push(
    [
      lang.padEnd(4),
      String(result.n).padStart(4),
      pct(result.accuracy),
      pct(result.macroF1),
      pct(negative.f1),
      pct(neutral.f1),
      pct(positive.f1),
      micros.toFixed(1).padStart(8),
      ok ? 'ok' : `BELOW ${MIN_MACRO_F1}`,
    ].join('  '),
  );
}

console.log(`sentiment evaluation on ${dir}`);
console.log('lang     n    acc  macF1  F1neg  F1neu  F1pos   µs/msg  status');
for (const row of rows) console.log(row);
process.exitCode = failed ? 1 : 0;
