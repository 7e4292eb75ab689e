import { readFileSync } from 'node:fs';
import { analyzeSentiment } from '#server/domain/sentiment';
import { LANGS, inboundText } from '#scripts/bench/texts';
import { pct, verdict } from '#scripts/bench/stats';
import { defineRow } from '#scripts/bench/types';

const us = (v: number) => `${(v * 1000).toFixed(1)} µs`;
const summary = (xs: number[]) =>
  `p50 ${us(pct(xs, 50))}, p95 ${us(pct(xs, 95))}, mean ${us(xs.reduce((s, x) => s + x, 0) / xs.length)}`;

// Labelled fixture messages of one set, each with its own ticket number in front: texts the analyser
// has not seen, whose Thai and Chinese spans are new to the segmenter (the number joins the span ICU reads).
function fixtureTexts(dir: string, tag: number): string[] {
  return LANGS.flatMap((lang) =>
    (JSON.parse(readFileSync(`tests/fixtures/${dir}/${lang}.json`, 'utf8')) as { text: string }[]).map(
      (s, i) => `#${tag}${i} ${s.text}`,
    ),
  );
}

function timeEach(texts: string[], n: number): number[] {
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    analyzeSentiment(texts[i % texts.length]);
    lat[i] = performance.now() - t0;
  }
  return Array.from(lat);
}

/** Sentiment of one inbound message (pure function, in-process), per message, four languages. */
export const sentiment = defineRow({
  id: 'sentiment',
  fixture: 'none',
  measures: ['sentiment per message', 'sentiment per message, distinct texts'],
  async run(f) {
    const texts = Array.from({ length: 64 }, (_, i) => inboundText(LANGS[i % 4], i * 7).text);
    texts.push('Thanks so much, great help 🙏', 'ยังไม่ได้รับของเลยค่ะ ไม่พอใจมาก', '退款什么时候到账？太慢了');
    for (let i = 0; i < 2_000; i++) analyzeSentiment(texts[i % texts.length]); // warm up the JIT
    const n = f.opts.scale === 'tiny' ? 2_000 : 50_000;
    const xs = timeEach(texts, n);
    // Warmed up on varied messages (the held-out set, three times over), then each dev message read once.
    for (const tag of [1, 2, 3]) timeEach(fixtureTexts('sentiment', tag), 360);
    const distinct = fixtureTexts('sentiment-dev', 4);
    const ys = timeEach(distinct, distinct.length);
    return [
      {
        measure: `sentiment per message (in-process, 4 languages, ${n.toLocaleString('en-US')} messages)`,
        braid: summary(xs),
        note: verdict(pct(xs, 95) <= 0.1, 'p95 ≤ 0.1 ms'),
      },
      {
        measure: `sentiment per message, ${distinct.length.toLocaleString('en-US')} distinct texts each read once (dev fixture messages, 4 languages, after 1,080 others)`,
        braid: summary(ys),
        note: verdict(pct(ys, 95) <= 0.1, 'p95 ≤ 0.1 ms'),
      },
    ];
  },
});
