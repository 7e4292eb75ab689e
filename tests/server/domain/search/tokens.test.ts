import { describe, expect, it } from 'vitest';
import { foldWord, isPrefixable, segmentedTokens, textWords, tokenize, wordTokens } from '#server/domain/search/tokens';
import { prng } from '#tests/helpers/prng';

/** textWords as one Intl.Segmenter pass over the whole text gives them (slow on long texts). */
function onePass(text: string) {
  const out = [];
  for (const s of new Intl.Segmenter('th', { granularity: 'word' }).segment(text)) {
    const tokens = s.isWordLike ? wordTokens(s.segment) : [];
    if (tokens.length > 0) out.push({ start: s.index, end: s.index + s.segment.length, tokens });
  }
  return out;
}

// Fragments around the places a long text is cut into pieces: white space of every kind (and
// characters that are not white space to ICU: NBSP, BOM), marks, joiners, numbers with separators.
const FRAGMENTS = [
  'refund',
  'Order',
  'TH88213',
  '3.14',
  "don't",
  'e-mail',
  'ZAŻÓŁĆ',
  'gęślą',
  'Łódź',
  'คืนเงิน',
  'ด่วนมาก',
  'ไปตากลมที่ทะเลมา',
  '我想申请退款',
  '北京大学生',
  '\u0301',
  '\u200d',
  '\ufeff',
  '\u00a0',
  '👍🏽',
  '🇵🇱',
  '_',
  ':',
  ',',
  '.',
  '\u3000',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '\f',
  '\v',
  '𠀋',
  '123,456',
];

describe('tokenize', () => {
  it('segments Thai words inside a sentence', () => {
    expect(tokenize('อยากขอคืนเงินค่ะ')).toEqual(['อยาก', 'ขอ', 'คืน', 'เงิน', 'ค่ะ']);
    // ตากลม is one word: its tokens do not contain ตา.
    expect(tokenize('ไปตากลมที่ทะเลมา')).not.toContain('ตา');
  });

  it('keeps Thai vowel and tone marks inside the word', () => {
    expect(tokenize('คืน')).toEqual(['คืน']);
    expect(tokenize('คิน')).not.toEqual(tokenize('คืน'));
  });

  it('segments Chinese words and keeps compounds whole', () => {
    expect(tokenize('我想申请退款')).toEqual(['我想', '申请', '退款']);
    expect(tokenize('北京大学生前来应聘').slice(0, 2)).toEqual(['北京', '大学生']);
  });

  it('folds Polish case and diacritics, including ł which has no decomposition', () => {
    expect(tokenize('Żółw PRZESYŁKA Wiśniewska Łódź')).toEqual(['zolw', 'przesylka', 'wisniewska', 'lodz']);
    expect(foldWord('ŁĄKA')).toBe('laka');
  });

  it('splits letters from digits and keeps digits', () => {
    expect(tokenize('TH88213 +48 601 234 567 77-104')).toEqual(['th', '88213', '48', '601', '234', '567', '77', '104']);
    expect(tokenize('８８２１３')).toEqual(['88213']);
  });

  it('handles mixed scripts in one message', () => {
    expect(tokenize('Order 5521 ยังไม่ได้รับ, 包裹 still')).toEqual([
      'order',
      '5521',
      'ยัง',
      'ไม่',
      'ได้',
      'รับ',
      '包裹',
      'still',
    ]);
  });

  it('drops punctuation and operators', () => {
    expect(tokenize('"" - * ( ) : ^')).toEqual([]);
    expect(tokenize('a*b NEAR(x)')).toEqual(['a', 'b', 'near', 'x']);
  });

  it('reports word offsets in the original text', () => {
    const text = 'Hi Żółw!';
    expect(textWords(text).map((w) => text.slice(w.start, w.end))).toEqual(['Hi', 'Żółw']);
  });

  it('gives the words of one Intl.Segmenter pass for a long text, though it segments it in pieces', () => {
    const next = prng(16);
    for (const length of [30_000, 12_000]) {
      let text = '';
      while (text.length < length) text += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)];
      expect(textWords(text)).toEqual(onePass(text));
    }
  });

  it('keeps a run of 5,000 letters one word and splits only a run over 8,192 characters', () => {
    expect(tokenize(`ok ${'a'.repeat(5_000)} done`)).toEqual(['ok', 'a'.repeat(5_000), 'done']);
    expect(tokenize('b'.repeat(9_000)).map((t) => t.length)).toEqual([8_192, 808]);
  });

  it('allows prefixes only for Latin words and digits', () => {
    expect(isPrefixable('przes')).toBe(true);
    expect(isPrefixable('882')).toBe(true);
    expect(isPrefixable('ตา')).toBe(false);
    expect(isPrefixable('退款')).toBe(false);
  });

  it("gives the segmenter's tokens for Latin text it does not segment, and segments the rest", () => {
    const texts = [
      'Order 5521 is late, please help!',
      "Don't e.g. 3.14 1,000 foo_bar a.b.c it’s „cytat” – dash… U.S.A. x@y.com http://a.b/c?d=1",
      'Nie jestem zadowolony, przesyłka nie dotarła!!! Dzień dobry, Zażółć gęślą jaźń ŒUVRE ĳssel ŉ İstanbul ǅemal ǃxóõ',
      'ยังไม่ได้รับพัสดุเลยค่ะ สั่งไป 5 วันแล้ว',
      '你好，我想问一下订单 10234 的快递',
      'Order 5521 ยังไม่ได้รับ, 包裹 still Łódź',
      'x² ½ ×÷ µ ª º café',
      // Long texts go to the segmenter in pieces, and a run of 8,192 characters without white space is cut.
      `${'refund please '.repeat(700)}done`,
      `ok ${'a'.repeat(9_000)}bc d`,
    ];
    for (const t of texts) expect(tokenize(t)).toEqual(segmentedTokens(t));
    // Random text over the characters the shortcut takes (and a few it must leave to the segmenter).
    const alphabet = [
      ...' \t\n\r\u00a0!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~–—‘’“”„…',
      ...'aAzZeEiI0123456789',
      ...Array.from({ length: 0x250 - 0xc0 }, (_, i) => String.fromCodePoint(0xc0 + i)),
      ...'ąęłżźćńóśĄĘŁŻŹĆŃÓŚ',
    ];
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 5_000; i++) {
      let t = '';
      for (let j = 1 + rand(24); j > 0; j--) t += alphabet[rand(alphabet.length)];
      if (i % 10 === 0) t += ['ไทย', '中文', '\u0301', '²', '😀'][rand(5)];
      expect(tokenize(t), JSON.stringify(t)).toEqual(segmentedTokens(t));
    }
  });
});
