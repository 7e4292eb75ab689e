import { analyzeSentiment } from '#server/domain/sentiment';
import { LANGS, inboundText } from '#scripts/bench/texts';
import { pct, verdict } from '#scripts/bench/stats';
import { defineRow } from '#scripts/bench/types';

const us = (v: number) => `${(v * 1000).toFixed(1)} µs`;

/** Sentiment of one inbound message (pure function, in-process), per message, four languages. */
export const sentiment = defineRow({
  id: 'sentiment',
  fixture: 'none',
  measures: ['sentiment per message'],
  async run(f) {
    const texts = Array.from({ length: 64 }, (_, i) => inboundText(LANGS[i % 4], i * 7).text);
    texts.push('Thanks so much, great help 🙏', 'ยังไม่ได้รับของเลยค่ะ ไม่พอใจมาก', '退款什么时候到账？太慢了');
    for (let i = 0; i < 2_000; i++) analyzeSentiment(texts[i % texts.length]); // warm up the JIT
    const n = f.opts.scale === 'tiny' ? 2_000 : 50_000;
    const lat = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      analyzeSentiment(texts[i % texts.length]);
      lat[i] = performance.now() - t0;
    }
    const xs = Array.from(lat);
    return [
      {
        measure: `sentiment per message (in-process, 4 languages, ${n.toLocaleString('en-US')} messages)`,
        braid: `p50 ${us(pct(xs, 50))}, p95 ${us(pct(xs, 95))}, mean ${us(xs.reduce((s, x) => s + x, 0) / n)}`,
        note: verdict(pct(xs, 95) <= 0.1, 'p95 ≤ 0.1 ms'),
      },
    ];
  },
});
