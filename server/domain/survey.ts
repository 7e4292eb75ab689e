import { EMOJI_SCORES, HAN_NUMBERS, LATIN_NUMBERS, RATING_CUES, THAI_NUMBERS } from './surveyWords';
import { CLAUSE_END, COURTESY, FOLLOW_UP, SCALE_WORDS } from './surveyScale';

/** Which survey question the customer is answering: CSAT is 1–5, NPS is 0–10. */
export type SurveyKind = 'csat' | 'nps';

const RANGE: Record<SurveyKind, [number, number]> = { csat: [1, 5], nps: [0, 10] };
const HAN_DIGIT = '[零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾]';
const STAR = /[⭐🌟★]/gu;
const STAR_WORD = /^\s*(?:⭐|🌟|★|stars?|gwiazd\w*|ดาว|颗?星)/iu;
const FRACTION = /(\d+)\s*(?:\/|out of|na|z|จาก|เต็ม)\s*(\d+)/giu;
const LATIN_WORD = /[a-z]+(?:'[a-z]+)?/gu;
// After a leading number, what makes it a rating ("4, slow delivery", "4 because…") rather than a count ("3 items…").
const THEN = /^\s*(?:$|[\p{P}\p{S}]|because|since|bo|poniewa[zż]|gdy[zż]|เพราะ|因为)/iu;

/** Fold text the way the reply readers compare it: lower case, no diacritics, ASCII digits, "ł" as "l". */
export function normalize(text: string): string {
  return text
    .replace(/🔟/gu, ' 10 ')
    .replace(/([0-9])\uFE0F?\u20E3/gu, ' $1 ')
    .replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[๐-๙]/gu, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/／/gu, '/')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .normalize('NFC')
    .replace(/ł/gu, 'l');
}

// Number words become digits where they plainly are ratings: "ten out of ten", "ให้ห้าคะแนน", "打九分", "五".
function wordsToDigits(text: string): string {
  const latin = [...LATIN_NUMBERS.keys()].join('|');
  let t = text.replace(
    new RegExp(`\\b(${latin})\\s+(out of|na|z)\\s+(${latin})\\b`, 'gu'),
    (_, a, of, b) => `${LATIN_NUMBERS.get(a)} ${of} ${LATIN_NUMBERS.get(b)}`,
  );
  for (const [word, n] of THAI_NUMBERS) t = t.replaceAll(word, ` ${n} `);
  t = t.replace(new RegExp(`(给|打|评|评了)\\s*(${HAN_DIGIT})`, 'gu'), (_, cue, d) => `${cue} ${HAN_NUMBERS.get(d)} `);
  // 十分 is also the adverb "very" (十分满意) and 五分钟 is "five minutes": only a mark when nothing follows.
  const src = t;
  t = src.replace(
    new RegExp(`(${HAN_DIGIT})\\s*(分|颗星|星)(?!钟)`, 'gu'),
    (m: string, d: string, unit: string, at: number) =>
      unit === '分' && d === '十' && /\p{Script=Han}/u.test(src.charAt(at + m.length))
        ? m
        : ` ${HAN_NUMBERS.get(d)} ${unit}`,
  );
  const bare = t.replace(/[\s\p{P}\p{S}啊呀吧啦哦了吧]/gu, '');
  if (bare.length === 1 && HAN_NUMBERS.has(bare)) return ` ${HAN_NUMBERS.get(bare)} `;
  if (bare === '满分') return ' 10 / 10 ';
  return t;
}

function otherWords(text: string, skip: string): number {
  const words = (text.match(LATIN_WORD) ?? []).filter((w) => w !== skip && !LATIN_NUMBERS.has(w));
  const cjk = text.replace(/[^\p{Script=Thai}\p{Script=Han}]/gu, '').length;
  return words.length + Math.ceil(cjk / 4);
}

function scale(n: number, d: number, kind: SurveyKind): number | null {
  const max = RANGE[kind][1];
  if (d === max) return n;
  if ((d === 5 || d === 10) && n <= d && Number.isInteger((n * max) / d))
    return Math.max(RANGE[kind][0], (n * max) / d);
  return null;
}

/**
 * Reads a customer's answer to a CSAT (1–5) or NPS (0–10) question: digits (full-width and Thai too),
 * "5/5" and "10 out of 10", number words in English, Polish, Thai and Chinese, stars, keycaps and face
 * emoji. Returns null when there is no rating, it is out of range, or the message is ambiguous
 * (two different numbers, or a number that is really an order id in a question).
 */
export function parseSurveyAnswer(text: string, kind: SurveyKind): number | null {
  if (!text || text.length > 300) return null;
  const [min, max] = RANGE[kind];
  const folded = normalize(text).replace(COURTESY, ' ');
  let t = wordsToDigits(folded);
  const values = new Set<number>();
  let fraction = false;
  t = t.replace(FRACTION, (_, n, d) => {
    const v = scale(Number(n), Number(d), kind);
    values.add(v ?? -1);
    fraction = true;
    return ' ';
  });
  const numbers = [...t.matchAll(/\d+(?:[.,]\d+)?/gu)];
  const shortAnswer = otherWords(t, '') <= 2;
  let starUnit = false;
  for (const m of numbers) {
    const at = m.index ?? 0;
    const before = t.slice(Math.max(0, at - 16), at);
    const after = t.slice(at + m[0].length, at + m[0].length + 12);
    const first = t.slice(0, at).replace(/[\s\p{P}\p{S}]/gu, '') === '' && THEN.test(after);
    starUnit ||= STAR_WORD.test(after);
    const rated =
      shortAnswer ||
      first ||
      RATING_CUES.test(before) ||
      STAR_WORD.test(after) ||
      /^\s*(?:points?|pkt|punkt|คะแนน|分)/iu.test(after);
    const n = Number(m[0].replace(',', '.'));
    if (!Number.isInteger(n)) return null;
    if (n < min || n > max) return null;
    if (rated) values.add(n);
  }
  for (const m of t.matchAll(LATIN_WORD)) {
    const n = LATIN_NUMBERS.get(m[0]);
    if (n === undefined) continue;
    const at = m.index ?? 0;
    const cue = RATING_CUES.test(t.slice(Math.max(0, at - 16), at)) || STAR_WORD.test(t.slice(at + m[0].length));
    if (otherWords(t, m[0]) <= 2 || cue) values.add(n);
  }
  const stars = (t.match(STAR) ?? []).length;
  if (values.size === 0 && !fraction && stars > 0) values.add(stars);
  // "⭐⭐⭐ 5": stars that disagree with the number make the answer ambiguous.
  if (stars > 0 && !starUnit && !values.has(stars)) return null;
  if (values.size === 0 && kind === 'csat') for (const v of scaleScores(folded)) values.add(v);
  if (values.size === 0) {
    for (const ch of t.replace(/[\uFE0F\u200D]|\p{Emoji_Modifier}/gu, '')) {
      const e = EMOJI_SCORES.get(ch);
      if (e) values.add(e[kind]);
    }
  }
  if (values.size !== 1) return null;
  const [value] = values;
  return value >= min && value <= max ? value : null;
}

/** Scores of the survey's scale words in a short reply ("Bardzo dobrze", "พอใจมาก", "很满意"), longest first. */
function scaleScores(t: string): number[] {
  let rest = ` ${t} `;
  const found: number[] = [];
  for (const [word, score] of SCALE_WORDS) {
    const latin = /^[a-z -]+$/u.test(word);
    const re = latin ? new RegExp(`(?<![a-z])${word}(?![a-z])`, 'gu') : new RegExp(word, 'gu');
    if (!re.test(rest)) continue;
    found.push(score);
    rest = rest.replace(re, ' ');
  }
  // A scale word inside a longer story is not an answer.
  return otherWords(rest, '') <= 4 ? found : [];
}

/** A survey reply read: its score (null when none can be read) and whether it also needs an agent. */
export interface SurveyReading {
  score: number | null;
  /** It asks, reports or requests something too: the thread must re-open and keep the message. */
  followUp: boolean;
}

const LEADS_WITH_RATING = /^[\s\p{P}]*(?:[0-9０-９๐-๙]|[⭐🌟★🔟]|[0-9]\uFE0F?\u20E3)/u;

/**
 * Read a reply to the survey question. A plain rating gives its score. When the reply also asks or
 * reports something, only a rating that opens it counts ("5! Also, can I…", "4 ค่ะ แต่…"), read from
 * its first clause alone — a number further on is an order number or a count ("Czekam jeszcze na 2
 * paczki…"), never a score.
 */
export function readSurveyAnswer(text: string, kind: SurveyKind): SurveyReading {
  const t = normalize(text ?? '');
  if (!FOLLOW_UP.test(t)) return { score: parseSurveyAnswer(text, kind), followUp: false };
  const first = text.trim().split(CLAUSE_END)[0] ?? '';
  const leading = LEADS_WITH_RATING.test(first) || scaleScores(normalize(first).replace(COURTESY, ' ')).length > 0;
  return { score: leading ? parseSurveyAnswer(first, kind) : null, followUp: true };
}
