import { describe, expect, it } from 'vitest';
import { makeSnippet, matchRanges, parseSearch, toFtsMatch } from '#server/domain/search/query';

const fts = (q: string) => toFtsMatch(parseSearch(q));

describe('parseSearch / toFtsMatch', () => {
  it('ANDs words and makes the last Latin word a prefix', () => {
    expect(fts('arrived damaged')).toBe('"arrived" "damaged"*');
    expect(fts('Przesyłka')).toBe('"przesylka"*');
  });

  it('never makes a Thai or Chinese word a prefix', () => {
    expect(fts('ตา')).toBe('"ตา"');
    expect(fts('退款')).toBe('"退款"');
  });

  it('turns an unspaced Thai or Chinese run into a phrase of its words', () => {
    expect(fts('คืนเงิน')).toBe('"คืน เงิน"');
    expect(fts('京大')).toBe('"京 大"');
  });

  it('keeps quoted text as an exact phrase without prefix', () => {
    expect(fts('"box was crushed"')).toBe('"box was crushed"');
    expect(fts('parcel "box was"')).toBe('"parcel" "box was"');
  });

  it('neutralises user-typed operators', () => {
    expect(fts('"')).toBeNull();
    expect(fts('-')).toBeNull();
    expect(fts('*')).toBeNull();
    expect(fts('')).toBeNull();
    expect(fts('OR')).toBe('"or"*');
    expect(fts('express" OR')).toBe('"express" "or"*');
    expect(fts('a*b')).toBe('"a b"*');
    expect(fts('-50%')).toBe('"50"*');
    expect(fts('NEAR(a b) AND NOT ^c')).toBe('"near a" "b" "and" "not" "c"*');
  });

  it('splits order codes so their digits match', () => {
    expect(fts('TH88213')).toBe('"th 88213"*');
  });

  it('bounds the number of terms', () => {
    expect(parseSearch(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12);
  });
});

describe('highlighting', () => {
  it('finds the original characters of folded and segmented matches', () => {
    const text = 'Gdzie jest moja przesyłka? อยากขอคืนเงินค่ะ';
    const ranges = matchRanges(text, parseSearch('przesylka'));
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['przesyłka']);
    const th = matchRanges(text, parseSearch('คืนเงิน'));
    expect(th.map(([a, b]) => text.slice(a, b))).toEqual(['คืนเงิน']);
  });

  it('highlights prefixes of the last word and nothing across Thai word boundaries', () => {
    const text = 'ไปตากลมที่ทะเลมา, ตาของฉันเจ็บ, przesyłki';
    expect(matchRanges(text, parseSearch('ตา')).map(([a, b]) => text.slice(a, b))).toEqual(['ตา']);
    expect(matchRanges(text, parseSearch('przes')).map(([a, b]) => text.slice(a, b))).toEqual(['przesyłki']);
  });

  it('cuts a long text around the first match and shifts the ranges', () => {
    const text = `${'lorem ipsum '.repeat(40)}refund please ${'dolor '.repeat(40)}`;
    const s = makeSnippet(text, parseSearch('refund'), 80);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.highlights).toHaveLength(1);
    const [a, b] = s.highlights[0];
    expect(s.text.slice(a, b)).toBe('refund');
  });
});
