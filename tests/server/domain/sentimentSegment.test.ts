import { describe, expect, it } from 'vitest';
import { segmentWords } from '#server/domain/sentiment/segment';

// segmentWords cuts ASCII/Latin runs itself and gives ICU the rest: its segments must be exactly
// Intl.Segmenter's, for any text.
const ICU = new Intl.Segmenter('und', { granularity: 'word' });
const icu = (t: string) => [...ICU.segment(t)].map((s) => [s.segment, s.index, s.isWordLike === true]);
const ours = (t: string) => segmentWords(t).map((s) => [s.segment, s.index, s.isWordLike]);

// Pieces chosen for UAX #29's rules: letters (ASCII, Polish, other Latin), digits, the mid characters
// that join words or numbers, spaces, tabs, line breaks, emoji with modifiers and ZWJ, combining
// marks, flags, Thai and Chinese (ICU's dictionaries), full-width and look-alike letters, a lone surrogate.
const PIECES = [
  ...'aZzóŁąé1 0 .,;:\'_"\t\n\r\u000b\u000c!?-()#/@',
  ...['  ', 'ab', 'ok', '12', '🙏', '👍🏽', '❤️', '\u200d', '\u0301', 'ไม่', 'ดี', '好', '不好', '\u00a0', '🇵🇱'],
  ...['ｂ', '×', 'ß', 'ǅ', 'ªº', 'е', 'ⅷ', '\u2019', '…', '\u00ad', '\u200b', '５', '\ud83d', 'ÿ', 'ſ', 'ƀ'],
];

describe('segmentWords', () => {
  it.each([
    'Where is my parcel? Ordered 5 days ago, this is terrible',
    "don't e.g. 1,000.50 a:b a_b _ __ 12:30 v2.0 \r\n\t x",
    'Dziękuję bardzo, przesyłka już jest, świetna obsługa 🙏',
    'ยังไม่ได้รับพัสดุเลยค่ะ สั่งไป 5 วันแล้ว ไม่พอใจมาก',
    '退款什么时候到账？快递太慢了 ok 10/10',
    '',
  ])('matches ICU on %j', (text) => {
    expect(ours(text)).toEqual(icu(text));
  });

  it('matches ICU on 20,000 random texts', () => {
    let seed = 20261202;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 20_000; n++) {
      let t = '';
      for (let i = 1 + Math.floor(rnd() * 14); i > 0; i--) t += PIECES[Math.floor(rnd() * PIECES.length)];
      expect(ours(t), JSON.stringify(t)).toEqual(icu(t));
    }
  }, 60_000);

  it('answers the same for a span it has segmented before, wherever the span sits', () => {
    // ICU reads from the word before the first Thai character ("ok …") to the end of the last one.
    const span = 'ok ยังไม่ได้รับพัสดุเลยค่ะ 好的谢谢';
    for (const t of [span, span, `Hello, ${span}`, `A b ${span}`, `Hi there, ${span} !!`, `${span} ok 12`]) {
      expect(ours(t), JSON.stringify(t)).toEqual(icu(t));
      expect(ours(t), JSON.stringify(t)).toEqual(icu(t));
    }
  });
});
