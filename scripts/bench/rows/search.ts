import { cpuMs } from '#scripts/bench/proc';
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
    const n = Math.ceil(f.opts.requests / 4);
    // Server CPU per request (the 3 warm-ups included) does not depend on how loaded the machine is.
    const timed = async (path: () => string) => {
      const cpu0 = cpuMs(f.server().pid);
      const xs = await sample(f, 'supervisor', path, n);
      const cpu = (cpuMs(f.server().pid) - cpu0) / (xs.length + 3);
      return `${p50p95(xs, f.opts.timeoutMs)}; server CPU ${cpu.toFixed(1)} ms/request`;
    };
    out.push({ measure: 'baseline in the same run: GET /healthz', braid: await timed(() => '/healthz') });
    for (const filtered of [false, true]) {
      for (const [lang, q] of QUERIES) {
        const path = () => `/api/search?q=${encodeURIComponent(q)}${filtered ? `&${FILTERS}` : ''}`;
        out.push({
          measure: `message search, ${lang} ${q}${filtered ? ', with filters' : ''}`,
          braid: await timed(path),
        });
      }
    }
    return out;
  },
});
