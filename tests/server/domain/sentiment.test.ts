import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyzeSentiment,
  detectLanguage,
  evaluateSentiment,
  type SentimentLabel,
} from '#server/domain/sentiment/index';

const score = (text: string) => analyzeSentiment(text).score;
const label = (text: string) => analyzeSentiment(text).label;

describe('analyzeSentiment: negation', () => {
  it.each([
    ['I am happy with the service', 'I am not happy with the service'],
    ['The app is working', "The app isn't working"],
    ['jestem zadowolony', 'nie jestem zadowolony'],
    ['aplikacja działa', 'aplikacja nie działa'],
    ['aplikacja dziala', 'aplikacja nie dziala'],
    ['พอใจค่ะ', 'ไม่พอใจค่ะ'],
    ['ของดี', 'ของไม่ดี'],
    ['很满意', '不满意'],
    ['质量好', '质量不好'],
    ['收到了', '没有收到'],
  ])('"%s" is not negative, "%s" is', (plain, negated) => {
    expect(label(plain)).not.toBe('negative');
    expect(label(negated)).toBe('negative');
    expect(score(negated)).toBeLessThan(score(plain));
  });

  it('reads "still not received" style support phrases as complaints', () => {
    for (const text of [
      'still waiting for my refund',
      'ยังไม่ได้รับของค่ะ',
      'gdzie jest moja paczka? nadal nic',
      '快递还没到',
    ]) {
      expect(label(text)).toBe('negative');
    }
  });

  it('flips a negated negative only mildly ("not bad" is not negative)', () => {
    expect(label('not bad at all')).not.toBe('negative');
  });
});

describe('analyzeSentiment: intensifiers and diminishers', () => {
  it.each([
    ['good', 'very good'],
    ['bad', 'so bad'],
    ['ดี', 'ดีมาก'],
    ['แย่', 'แย่มาก'],
    ['dobry', 'bardzo dobry'],
    ['満意'.replace('満', '满'), '非常满意'],
    ['慢', '太慢了'],
  ])('"%s" is weaker than "%s"', (base, boosted) => {
    expect(Math.abs(score(boosted))).toBeGreaterThan(Math.abs(score(base)));
    expect(Math.sign(score(boosted))).toBe(Math.sign(score(base)));
  });

  it('a diminisher weakens', () => {
    expect(Math.abs(score('a bit slow'))).toBeLessThan(Math.abs(score('slow')));
  });
});

describe('analyzeSentiment: emoji and shouting', () => {
  it('reads emoji on their own and next to text', () => {
    expect(label('😡')).toBe('negative');
    expect(label('👍')).toBe('positive');
    expect(label('🙏❤️')).toBe('positive');
    expect(score('Got the parcel ❤️')).toBeGreaterThan(score('Got the parcel'));
    expect(score('ได้ของแล้ว 😭')).toBeLessThan(score('ได้ของแล้ว'));
  });

  it('treats shouting and "!!!" as anger when nothing is positive', () => {
    expect(label('WHERE IS MY ORDER')).toBe('negative');
    expect(score('WHERE IS MY ORDER')).toBeLessThan(score('where is my order'));
    expect(score('NOT HAPPY')).toBeLessThan(score('not happy'));
    expect(score('this is unacceptable!!!')).toBeLessThan(score('this is unacceptable'));
  });

  it('lets "!!!" amplify gratitude too', () => {
    expect(score('thank you!!!')).toBeGreaterThan(score('thank you'));
  });
});

describe('analyzeSentiment: support-domain reading', () => {
  it('keeps polite questions neutral', () => {
    for (const text of [
      'Can you check my order status?',
      'Is there a problem with my payment?',
      'Czy mogę zmienić adres dostawy?',
      'ส่งไปต่างประเทศได้ไหมครับ',
      '可以寄到加拿大吗？',
    ]) {
      expect(label(text)).toBe('neutral');
    }
  });

  it('reads typical complaints and thanks in every language', () => {
    expect(label('I was charged twice for one order')).toBe('negative');
    expect(label('Pobraliście pieniądze dwa razy, oszustwo')).toBe('negative');
    expect(label('โดนตัดเงินสองครั้ง แย่มาก')).toBe('negative');
    expect(label('扣了两次钱，太过分了')).toBe('negative');
    expect(label('thanks for the quick help!')).toBe('positive');
    expect(label('dziękuję za szybką pomoc')).toBe('positive');
    expect(label('ขอบคุณที่ช่วยเหลือค่ะ')).toBe('positive');
    expect(label('谢谢你们的帮助')).toBe('positive');
  });
});

describe('analyzeSentiment: unknown languages and robustness', () => {
  it('degrades text in other languages, without emoji, to an uncertain neutral 0', () => {
    for (const text of [
      'El producto llegó roto y nadie me responde, terrible',
      'Die Lieferung ist kaputt und der Service ist schlecht',
      'Посылка не пришла, ужасный сервис',
      '注文した商品が届きません、最悪です',
    ]) {
      const r = analyzeSentiment(text);
      expect(r).toMatchObject({ score: 0, label: 'neutral' });
      expect(r.confidence).toBeLessThanOrEqual(0.5);
      expect(['en', 'pl', 'th', 'zh']).not.toContain(r.language);
    }
  });

  it('reads undetermined gibberish as neutral', () => {
    const r = analyzeSentiment('asdf qwer zxcv');
    expect(r.label).toBe('neutral');
    expect(r.language).toBe('und');
  });

  it('keeps the score within [-1, 1] for random garbage', () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pool = [
      'a',
      'Z',
      ' ',
      '!',
      '?',
      '😡',
      '👍',
      'ไม่',
      'ดี',
      '不',
      '好',
      'nie',
      'not',
      'ł',
      '\u0000',
      '\uFE0F',
      '🏽',
      '5',
      'ๆ',
      '\n',
    ];
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: Math.floor(rand() * 60) }, () => pool[Math.floor(rand() * pool.length)]).join(
        '',
      );
      const r = analyzeSentiment(text);
      expect(r.score).toBeGreaterThanOrEqual(-1);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(['negative', 'neutral', 'positive']).toContain(r.label);
    }
  });

  it('handles very long input', () => {
    for (const text of [
      'terrible '.repeat(20_000),
      'แย่มาก'.repeat(20_000),
      '太好了'.repeat(20_000),
      'x'.repeat(200_000),
    ]) {
      const r = analyzeSentiment(text);
      expect(r.score).toBeGreaterThanOrEqual(-1);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect(analyzeSentiment('')).toMatchObject({ score: 0, label: 'neutral', language: 'und' });
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Where is my order? It has not arrived yet.', 'en'],
    ['Gdzie jest moja paczka? Nadal nie dotarła.', 'pl'],
    ['nie dziala mi aplikacja', 'pl'],
    ['dziekuje za pomoc', 'pl'],
    ['ยังไม่ได้รับของเลยค่ะ', 'th'],
    ['ของยังไม่มา very disappointed', 'th'],
    ['Order #123 ยังไม่ได้รับค่ะ', 'th'],
    ['我的快递还没到', 'zh'],
    ['APP闪退了', 'zh'],
    ['注文した商品が届きません', 'ja'],
    ['Посылка не пришла', 'ru'],
    ['¿Dónde está mi pedido? Gracias', 'es'],
    ['😡😡', 'und'],
    ['12345', 'und'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

const HELD_OUT = join(process.cwd(), 'tests/fixtures/sentiment');

describe('held-out regression guard', () => {
  it.each(['en', 'th', 'pl', 'zh'])('macro-F1 ≥ 0.85 on tests/fixtures/sentiment/%s.json', (lang) => {
    const file = join(HELD_OUT, `${lang}.json`);
    expect(existsSync(file), `missing held-out fixture ${file}: the evaluation set must exist for this guard`).toBe(
      true,
    );
    const samples = JSON.parse(readFileSync(file, 'utf8')) as { text: string; label: SentimentLabel }[];
    expect(samples.length, `${file} has no samples`).toBeGreaterThan(0);
    const { macroF1 } = evaluateSentiment(samples);
    expect(macroF1, `${lang} macro-F1`).toBeGreaterThanOrEqual(0.85);
  });
});
