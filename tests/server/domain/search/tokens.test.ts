import { describe, expect, it } from 'vitest';
import { foldWord, isPrefixable, textWords, tokenize } from '#server/domain/search/tokens';

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

  it('allows prefixes only for Latin words and digits', () => {
    expect(isPrefixable('przes')).toBe(true);
    expect(isPrefixable('882')).toBe(true);
    expect(isPrefixable('ตา')).toBe(false);
    expect(isPrefixable('退款')).toBe(false);
  });
});
