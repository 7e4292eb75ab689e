import { describe, expect, it } from 'vitest';
import { parseSurveyAnswer } from '#server/domain/survey';

describe('parseSurveyAnswer: digits and fractions', () => {
  it.each([
    ['5', 'csat', 5],
    ['４', 'csat', 4],
    ['๕', 'csat', 5],
    ['๑๐', 'nps', 10],
    ['5/5', 'csat', 5],
    ['4 / 5', 'csat', 4],
    ['10 out of 10', 'nps', 10],
    ['ten out of ten', 'nps', 10],
    ['10/10', 'csat', 5],
    ['4/5', 'nps', 8],
    ["I'd give it a 4", 'csat', 4],
    ['Definitely a 9!', 'nps', 9],
    ['8, great service', 'nps', 8],
    ['4 because delivery was late', 'csat', 4],
    ['Daję 4', 'csat', 4],
    ['ocena: 5', 'csat', 5],
    ['4 na 5', 'csat', 4],
    ['ให้ 5 คะแนนค่ะ', 'csat', 5],
    ['打9分', 'nps', 9],
    ['9分', 'nps', 9],
  ] as const)('%s (%s) → %s', (text, kind, expected) => {
    expect(parseSurveyAnswer(text, kind)).toBe(expected);
  });
});

describe('parseSurveyAnswer: number words in four languages', () => {
  it.each([
    ['five', 'csat', 5],
    ['Four.', 'csat', 4],
    ['pięć', 'csat', 5],
    ['piec', 'csat', 5],
    ['czwórka', 'csat', 4],
    ['dziewiątka', 'nps', 9],
    ['ห้า', 'csat', 5],
    ['ให้ห้าดาว', 'csat', 5],
    ['สิบเต็มสิบ', 'nps', 10],
    ['เก้าค่ะ', 'nps', 9],
    ['五', 'csat', 5],
    ['九', 'nps', 9],
    ['零', 'nps', 0],
    ['十分', 'nps', 10],
    ['给五分', 'csat', 5],
    ['五星好评', 'csat', 5],
    ['满分', 'nps', 10],
  ] as const)('%s (%s) → %s', (text, kind, expected) => {
    expect(parseSurveyAnswer(text, kind)).toBe(expected);
  });
});

describe('parseSurveyAnswer: the survey’s scale words', () => {
  // 十分 here is the adverb "very", not the mark 10: "very satisfied" is the top of the CSAT scale.
  it.each([
    ['十分满意', 'csat', 5],
    ['Bardzo dobrze', 'csat', 5],
    ['ไม่พอใจ', 'csat', 1],
  ] as const)('%s (%s) → %s', (text, kind, expected) => {
    expect(parseSurveyAnswer(text, kind)).toBe(expected);
  });
});

describe('parseSurveyAnswer: emoji', () => {
  it.each([
    ['⭐⭐⭐⭐', 'csat', 4],
    ['★★★', 'csat', 3],
    ['5 ⭐', 'csat', 5],
    ['⭐⭐⭐⭐⭐ 5/5', 'csat', 5],
    ['5️⃣', 'csat', 5],
    ['🔟', 'nps', 10],
    ['😀', 'csat', 5],
    ['😍', 'nps', 10],
    ['😡', 'csat', 1],
    ['😡', 'nps', 0],
    ['👍', 'csat', 5],
    ['👎', 'csat', 1],
    ['🙂', 'csat', 4],
    ['7 😀', 'nps', 7],
  ] as const)('%s (%s) → %s', (text, kind, expected) => {
    expect(parseSurveyAnswer(text, kind)).toBe(expected);
  });
});

describe('parseSurveyAnswer: no answer, out of range or ambiguous → null', () => {
  it.each([
    ['my order 12345 has not arrived', 'csat'],
    ['Order 55190', 'csat'],
    ['3 items missing from my order', 'csat'],
    ['one of the items is broken', 'csat'],
    ['I want to return 2 items', 'csat'],
    ['4 or 5', 'csat'],
    ['between 7 and 8', 'nps'],
    ['⭐⭐⭐ 5', 'csat'],
    ['0', 'csat'],
    ['6', 'csat'],
    ['11', 'nps'],
    ['4.5', 'csat'],
    ['hello', 'csat'],
    ['Where is my order?', 'nps'],
    ['', 'nps'],
    ['五分钟后到', 'csat'],
    ['我的订单12345还没到', 'csat'],
    ['zamówienie 12345 nie dotarło', 'csat'],
    ['ออเดอร์ 12345 ยังไม่ได้รับ', 'csat'],
  ] as const)('%s (%s) → null', (text, kind) => {
    expect(parseSurveyAnswer(text, kind)).toBeNull();
  });
});
