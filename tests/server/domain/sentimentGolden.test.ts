import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyzeSentiment, sentimentFeatures } from '#server/domain/sentiment/index';
import { FIXTURE_SETS } from '#tests/server/domain/sentimentFixtures';

// The scorer's outputs on a fixed multilingual corpus, recorded before its speed work (issue 10):
// any change to tokenising, matching or the model's features that moves a single score, label,
// confidence, detected language or feature shows up here. The corpus is every labelled fixture
// message in four languages plus variants that stress the word segmenter (capitals, emoji, numbers,
// apostrophes, mixed scripts, tabs and new lines). Re-record only for a deliberate change of outputs
// (`npx vitest run tests/server/domain/sentimentGolden.test.ts -u`), never for a speed change.

const FIXTURES = FIXTURE_SETS.flat();

const TAILS = [
  ' 🙏',
  ' :) 👍🏽❤️',
  '!!! e.g. 1,000.50 zł',
  " don't won't it's",
  '\n\nThx, a_b x:y\tz 12:30 v2.0 #123',
  ' ok 好的 ค่ะ',
  ' sooo goood!!!',
  ' 🇵🇱🇬🇧 3/10',
  ' naprawdę?! ŻÓŁW  „cytat” — koniec…',
  ' ﻿x ａｂｃ　ok',
];

// The corpus: each fixture message, in capitals, with one tail, and joined to a message of another language.
function corpus(): string[] {
  const out: string[] = [];
  FIXTURES.forEach((t, i) => {
    out.push(t, t.toUpperCase(), t + TAILS[i % TAILS.length]);
    out.push(`${t} ${FIXTURES[(i * 7 + 311) % FIXTURES.length]}`);
  });
  return out;
}

const line = (text: string) => {
  const r = analyzeSentiment(text);
  return `${r.score} ${r.label} ${r.confidence} ${r.language}`;
};

describe('sentiment scores on a fixed multilingual corpus', () => {
  const texts = corpus();

  it('are exactly the recorded ones', async () => {
    expect(texts.length).toBeGreaterThan(7_000);
    await expect(texts.map((t, i) => `${i} ${line(t)}`).join('\n') + '\n').toMatchFileSnapshot(
      './__snapshots__/sentimentGolden.txt',
    );
  }, 120_000);

  it('read the same model features as recorded', () => {
    const h = createHash('sha256');
    for (const t of texts) {
      const f = sentimentFeatures(t);
      h.update(`${f.idx.join(',')}|${f.val.join(',')}|${f.lexiconClass}|${f.cue}\n`);
    }
    expect(h.digest('hex')).toMatchInlineSnapshot(`"9254a8e63bdc74998cd81c14586f14790c8d895491828fea912720742bbd8fcb"`);
  }, 120_000);
});
