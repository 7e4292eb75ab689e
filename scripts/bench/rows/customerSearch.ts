import { LANGS, searchWords } from '#scripts/bench/texts';
import { ms, pct } from '#scripts/bench/stats';
import { defineRow } from '#scripts/bench/types';
import { sample, timedOut } from './sample';

/** Customer search by a name word in each language (the search that exists today). */
export const customerSearch = defineRow({
  id: 'customer-search',
  fixture: 'workspace',
  measures: ['customer search p95 (th / zh / pl / en)'],
  async run(f) {
    const words = searchWords();
    const cells: string[] = [];
    for (const lang of LANGS) {
      const xs = await sample(
        f,
        'supervisor',
        () => `/api/customers?q=${encodeURIComponent(words[lang])}`,
        Math.ceil(f.opts.requests / 4),
      );
      cells.push(`${lang} ${xs.some((x) => !Number.isFinite(x)) ? timedOut(f.opts.timeoutMs) : ms(pct(xs, 95))}`);
    }
    return [{ measure: 'customer search by name word, p95 (th / zh / pl / en)', braid: cells.join(' · ') }];
  },
});
