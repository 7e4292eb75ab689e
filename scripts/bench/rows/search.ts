import { defineRow } from '#scripts/bench/types';
import { p50p95, sample } from './sample';

// Words that occur inside the generated messages (scripts/bench/texts.ts): a Thai and a Chinese word
// inside unspaced sentences, a Polish word typed without diacritics, an English phrase.
const QUERIES = [
  ['th', 'พัสดุ'],
  ['zh', '包裹'],
  ['pl', 'przesylka'],
  ['en', '"the parcel arrived"'],
] as const;
// A filter set a supervisor would use: one channel, resolved threads, a date range in their zone.
const FILTERS = 'channel=whatsapp&status=resolved&from=2025-01-01&to=2027-12-31&tz=Asia/Bangkok';

/** Message search p95 per language, with and without filters (GET /api/search as a supervisor). */
export const search = defineRow({
  id: 'search',
  fixture: 'workspace',
  measures: ['message search p95 (th / zh / pl / en), without and with filters'],
  async run(f) {
    const out = [];
    for (const filtered of [false, true]) {
      for (const [lang, q] of QUERIES) {
        const path = () => `/api/search?q=${encodeURIComponent(q)}${filtered ? `&${FILTERS}` : ''}`;
        const xs = await sample(f, 'supervisor', path, Math.ceil(f.opts.requests / 4));
        out.push({
          measure: `message search, ${lang} ${q}${filtered ? ', with filters' : ''}`,
          braid: p50p95(xs, f.opts.timeoutMs),
        });
      }
    }
    return out;
  },
});
