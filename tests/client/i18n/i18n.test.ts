import { describe, expect, it } from 'vitest';
import en from '#client/i18n/locales/en';
import pl from '#client/i18n/locales/pl';
import th from '#client/i18n/locales/th';
import zhCN from '#client/i18n/locales/zh-CN';

type Tree = { [k: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
// Strings that are the same in every language (acronyms, pure formats).
const UNIVERSAL = new Set(['episode.survey.csat', 'episode.survey.nps', 'customer.localTimeValue']);
const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const source = flatten(en as unknown as Tree);
  for (const [name, locale] of Object.entries({ pl, th, 'zh-CN': zhCN })) {
    it(`${name} has every key, with the same placeholders, and is actually translated`, () => {
      const target = flatten(locale as unknown as Tree);
      for (const key of source.keys()) expect(target.has(key), `${name} misses ${key}`).toBe(true);
      for (const [key, value] of target) {
        const base = source.get(key) ?? source.get(key.replace(PLURAL, '_other'));
        expect(base, `${name} has unknown key ${key}`).toBeDefined();
        // "count" may be left out where the language needs no number ("Kanał i cała historia…").
        expect(
          vars(value).filter((v) => v !== 'count'),
          `${name}.${key} placeholders`,
        ).toEqual(vars(base!).filter((v) => v !== 'count'));
      }
      const untranslated = [...target]
        .filter(([k, v]) => v.length > 12 && v === source.get(k) && !UNIVERSAL.has(k))
        .map(([k]) => k);
      expect(untranslated).toEqual([]);
    });
  }
});
