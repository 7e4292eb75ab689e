import { describe, expect, it } from 'vitest';
import { MARK_RANGES, markHits } from '#server/domain/sentiment/detectLanguage';
import { LATIN_MARKS } from '#server/domain/sentiment/latinWords';
import { THAI_PROTECTED, THAI_PROTECTED_WORDS } from '#server/domain/sentiment/lexicons/index';
import { featurize, hashedFeatures } from '#server/domain/sentiment/model/features';
import { MODELS } from '#server/domain/sentiment/model/index';
import { predictHashed, predictProbs } from '#server/domain/sentiment/model/linear';
import { foldLatin } from '#server/domain/sentiment/text';
import { tokenize } from '#server/domain/sentiment/tokenize';
import { WordMatcher } from '#server/domain/sentiment/wordMatcher';
import { FIXTURE_SETS } from '#tests/server/domain/sentimentFixtures';

// Each fast path of the scorer must give exactly what the code it replaced gave; the replaced code is
// the reference here. The golden tests hold the end results; these hold each piece on more input.

const FIXTURES = FIXTURE_SETS.flat();
let seed = 20261202;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

describe('telltale letters counted in one pass', () => {
  it('count each code point as the /giu regexes do, and none outside MARK_RANGES matches', () => {
    const any = new RegExp(LATIN_MARKS.map(([, re]) => re.source).join('|'), 'iu');
    const regexes = LATIN_MARKS.map(([, re]) => new RegExp(re.source, 'giu'));
    const inRanges = (c: number) => MARK_RANGES.some(([from, to]) => c >= from && c < to);
    let matched = 0;
    for (let c = 0; c <= 0x10ffff; c++) {
      const ch = String.fromCodePoint(c);
      if (!any.test(ch) && !markHits(ch).some(Boolean)) continue;
      matched++;
      expect(inRanges(c), c.toString(16)).toBe(true);
      expect(markHits(ch), c.toString(16)).toEqual(regexes.map((re) => ch.match(re)?.length ?? 0));
    }
    expect(matched).toBeGreaterThan(100);
  }, 60_000);

  it('count whole texts as the regexes do', () => {
    const regexes = LATIN_MARKS.map(([, re]) => new RegExp(re.source, 'giu'));
    for (const t of [...FIXTURES, ...FIXTURES.map((t) => t.toUpperCase()), 'ẞ STRASSE Ĳ ǅ İı \ud800 😡']) {
      expect(markHits(t), t).toEqual(regexes.map((re) => t.match(re)?.length ?? 0));
    }
  });
});

describe('protected Thai words found with a trie', () => {
  const regex = new RegExp(THAI_PROTECTED_WORDS.join('|'), 'gu');
  const viaRegex = (t: string) => [...t.matchAll(regex)].flatMap((m) => [m.index, m.index + m[0].length]);

  it('match as the global regex alternation does, on fixtures and random mixes of words and pieces', () => {
    const pieces = [...THAI_PROTECTED_WORDS, 'ไม่', 'ค่ะ', 'มากๆ', ' ', 'ok', '😡', 'ก', 'แอ', 'ดมิน', '1'];
    const texts = [...FIXTURES];
    for (let n = 0; n < 5_000; n++) {
      let t = '';
      for (let k = 1 + Math.floor(rnd() * 10); k > 0; k--) {
        const w = pick(pieces);
        t += rnd() < 0.2 ? w.slice(0, 1 + Math.floor(rnd() * w.length)) : w;
      }
      texts.push(t);
    }
    for (const t of texts) expect(THAI_PROTECTED.matches(t), t).toEqual(viaRegex(t));
  });

  it('prefer the longest word at the leftmost position, as alternation longest-first does', () => {
    const m = new WordMatcher(['abc', 'ab', 'bcd', 'x']);
    expect(m.matches('zabcdx abx bcd')).toEqual([1, 4, 5, 6, 7, 9, 9, 10, 11, 14]);
  });
});

describe('Latin folding of ASCII', () => {
  // foldLatin as it was before its ASCII shortcut.
  const reference = (s: string) =>
    /^[a-z0-9' ]*$/.test(s)
      ? s
      : s
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/ł/g, 'l')
          .replace(/[’‘`´]/g, "'");

  it('folds every ASCII character and random ASCII strings as before', () => {
    const ascii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
    for (const a of ascii) for (const b of ascii) expect(foldLatin(a + b)).toBe(reference(a + b));
    for (const t of FIXTURES) expect(foldLatin(t)).toBe(reference(t));
  });
});

describe('model read from the reused feature buffer', () => {
  it('gives bit-for-bit the probabilities of predictProbs over featurize', () => {
    for (const t of [...FIXTURES, ...FIXTURES.map((t) => `${t} ${t} !!! ${t.toUpperCase()}`), '', '🙏']) {
      const tokens = tokenize(t, THAI_PROTECTED);
      for (const model of MODELS.values())
        for (const lex of [0, 0.316, -0.577]) {
          const expected = predictProbs(model, featurize(t, tokens, lex));
          expect(predictHashed(model, hashedFeatures(t, tokens), lex)).toEqual(expected);
        }
    }
  }, 60_000);
});
