import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeLexicon, analyzeSentiment } from '#server/domain/sentiment/index';
import { FEATURE_BITS } from '#server/domain/sentiment/model/features';
import { loadModels, MODEL_FILE, MODELS } from '#server/domain/sentiment/model/index';
import { decodeModels, encodeModels } from '#server/domain/sentiment/model/linear';

describe('sentiment model weights', () => {
  it('load from the repository file, with no network', () => {
    const realFetch = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new Error('network used'));
    try {
      const models = loadModels(MODEL_FILE);
      expect([...models.keys()].sort()).toEqual(['en', 'th', 'zh']);
      for (const m of models.values()) {
        expect(m.weights.length).toBe((1 << FEATURE_BITS) * 3);
        expect(m.scale).toBeGreaterThan(0);
        expect(m.weights.some((w) => w !== 0)).toBe(true);
      }
      expect(MODELS.size).toBe(models.size);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('round-trips through the binary format byte for byte', () => {
    const buf = readFileSync(MODEL_FILE);
    const models = decodeModels(buf);
    const header = JSON.parse(buf.toString('utf8', 8, 8 + buf.readUInt32LE(4))) as Record<string, unknown>;
    const { seed, trainedOn } = header;
    expect(encodeModels([...models.values()], { seed, trainedOn }).equals(buf)).toBe(true);
  });

  it('rejects a file that is not a model', () => {
    expect(() => decodeModels(Buffer.from('not a model at all'))).toThrow(/magic/);
  });

  it('reads vocabulary the lexicon has never seen', () => {
    // Words outside the hand-written lexicons, as in the public data the lexicon misread.
    expect(analyzeLexicon('ชุดนี้น่าเกลียด').label).toBe('neutral');
    expect(analyzeSentiment('ชุดนี้น่าเกลียด').label).toBe('negative');
  });

  it.each(['心塞', '看得压抑死了整个人'])('reads Chinese slang the lexicon has never seen: %s', (text) => {
    expect(analyzeLexicon(text).label).toBe('neutral');
    expect(analyzeSentiment(text).label).toBe('negative');
  });
});

describe('analyzeSentiment: language detection does not veto', () => {
  it.each([
    ['😡😡', 'negative'],
    ['👍', 'positive'],
    ['😍😍😍', 'positive'],
    ['ok 👍', 'positive'],
    ['Muchas gracias!! 😍', 'positive'],
  ])('scores emoji-only and emoji-carried messages: %s → %s', (text, expected) => {
    const r = analyzeSentiment(text);
    expect(r.label).toBe(expected);
    expect(r.confidence).toBeGreaterThan(0);
  });

  it.each([
    ['ของยังไม่มา very disappointed', 'negative'],
    ['Thanks a lot ขอบคุณมากครับ 😊', 'positive'],
    ['zamowienie nie dotarlo, still waiting, terrible', 'negative'],
    ['我的订单 still not arrived, terrible service', 'negative'],
  ])('scores mixed-language messages: %s → %s', (text, expected) => {
    expect(analyzeSentiment(text).label).toBe(expected);
  });

  it('keeps the detected language', () => {
    expect(analyzeSentiment('ของยังไม่มา very disappointed').language).toBe('th');
    expect(analyzeSentiment('😡😡').language).toBe('und');
  });

  it('gives every mark a confidence in [0, 1]', () => {
    for (const text of ['great, thanks!', 'where is my parcel', 'ดีมากค่ะ', '很好', 'świetnie', '🙂', '']) {
      const { confidence } = analyzeSentiment(text);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
});
