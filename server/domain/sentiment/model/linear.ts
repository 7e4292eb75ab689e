import { FEATURE_BITS, LEXICON_SLOTS, lexiconValues, type Features, type HashedFeatures } from './features';

/** One language's quantised weights: w[slot * 3 + class] * scale, classes negative/neutral/positive. */
export interface LinearModel {
  lang: string;
  bias: [number, number, number];
  scale: number;
  /**
   * Weight of the lexicon's label in the final mix: [when the lexicon found a cue, when it found none].
   * Chosen on validation data so support messages (the lexicon's strength) and public text both hold.
   */
  lexiconMix: [number, number];
  weights: Int8Array;
}

const MAGIC = 'BSM1';

/** Serialises models: magic, header length, JSON header, then each language's int8 weights. */
export function encodeModels(models: LinearModel[], meta: Record<string, unknown>): Buffer {
  const header = {
    ...meta,
    featureBits: FEATURE_BITS,
    languages: models.map((m) => ({
      lang: m.lang,
      bias: m.bias,
      scale: m.scale,
      lexiconMix: m.lexiconMix,
      length: m.weights.length,
    })),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(8);
  head.write(MAGIC, 0, 'ascii');
  head.writeUInt32LE(json.length, 4);
  return Buffer.concat([
    head,
    json,
    ...models.map((m) => Buffer.from(m.weights.buffer, m.weights.byteOffset, m.weights.length)),
  ]);
}

/** Parses a weights file written by encodeModels; throws on a wrong magic or feature size. */
export function decodeModels(buf: Uint8Array): Map<string, LinearModel> {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.toString('ascii', 0, 4) !== MAGIC) throw new Error('sentiment model: bad magic');
  const len = b.readUInt32LE(4);
  const header = JSON.parse(b.toString('utf8', 8, 8 + len)) as {
    featureBits: number;
    languages: {
      lang: string;
      bias: [number, number, number];
      scale: number;
      lexiconMix: [number, number];
      length: number;
    }[];
  };
  if (header.featureBits !== FEATURE_BITS) throw new Error('sentiment model: feature size mismatch');
  const out = new Map<string, LinearModel>();
  let at = 8 + len;
  for (const l of header.languages) {
    const weights = new Int8Array(b.buffer, b.byteOffset + at, l.length);
    out.set(l.lang, { lang: l.lang, bias: l.bias, scale: l.scale, lexiconMix: l.lexiconMix, weights });
    at += l.length;
  }
  return out;
}

/** Class probabilities [negative, neutral, positive] of a feature vector, plus optional logit offsets. */
export function predictProbs(m: LinearModel, f: Features, offset?: readonly number[]): [number, number, number] {
  let z0 = 0;
  let z1 = 0;
  let z2 = 0;
  const w = m.weights;
  for (let i = 0; i < f.idx.length; i++) {
    const k = f.idx[i] * 3;
    const v = f.val[i];
    z0 += w[k] * v;
    z1 += w[k + 1] * v;
    z2 += w[k + 2] * v;
  }
  const l = [z0 * m.scale + m.bias[0], z1 * m.scale + m.bias[1], z2 * m.scale + m.bias[2]];
  if (offset) for (let c = 0; c < 3; c++) l[c] += offset[c];
  return softmax3(l[0], l[1], l[2]);
}

/**
 * predictProbs(m, featurize(…)) without the feature arrays: the same products added in the same order
 * (hashed slots at 1/√count, then the lexicon's three signals), so the result is bit-for-bit the same.
 */
export function predictHashed(m: LinearModel, f: HashedFeatures, lexiconScore: number): [number, number, number] {
  let z0 = 0;
  let z1 = 0;
  let z2 = 0;
  const w = m.weights;
  const { slots, count } = f;
  const v = count ? 1 / Math.sqrt(count) : 0;
  for (let i = 0; i < count; i++) {
    const k = slots[i] * 3;
    z0 += w[k] * v;
    z1 += w[k + 1] * v;
    z2 += w[k + 2] * v;
  }
  const lex = lexiconValues(lexiconScore);
  for (let j = 0; j < 3; j++) {
    const k = LEXICON_SLOTS[j] * 3;
    z0 += w[k] * lex[j];
    z1 += w[k + 1] * lex[j];
    z2 += w[k + 2] * lex[j];
  }
  return softmax3(z0 * m.scale + m.bias[0], z1 * m.scale + m.bias[1], z2 * m.scale + m.bias[2]);
}

function softmax3(l0: number, l1: number, l2: number): [number, number, number] {
  const top = Math.max(l0, l1, l2);
  const e0 = Math.exp(l0 - top);
  const e1 = Math.exp(l1 - top);
  const e2 = Math.exp(l2 - top);
  const sum = e0 + e1 + e2;
  return [e0 / sum, e1 / sum, e2 / sum];
}

/** Mixes the model's probabilities with the lexicon's label by the model's lexiconMix weights. */
export function mixWithLexicon(
  m: LinearModel,
  p: readonly number[],
  lexiconClass: number,
  lexiconFoundCue: boolean,
): [number, number, number] {
  const a = m.lexiconMix[lexiconFoundCue ? 0 : 1];
  return [0, 1, 2].map((c) => (1 - a) * p[c] + (c === lexiconClass ? a : 0)) as [number, number, number];
}
