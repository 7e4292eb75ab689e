import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSurveyAnswer, type SurveyKind } from '#server/domain/survey';

// The independent table of real survey replies (tests/fixtures/survey/answers.json): every score and
// every follow-up, as its author wrote them.
interface Case {
  lang: string;
  kind: SurveyKind;
  text: string;
  score: number | null;
  followUp: boolean;
}
const { cases } = JSON.parse(readFileSync('tests/fixtures/survey/answers.json', 'utf8')) as { cases: Case[] };

describe('survey replies in en, pl, th and zh', () => {
  it('has the whole table (at least 60 replies in four languages)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.lang))).toEqual(new Set(['en', 'pl', 'th', 'zh']));
  });
  it.each(cases.map((c) => [c.lang, c.kind, c.text, c.score, c.followUp] as const))(
    '%s %s %j → score %s, follow-up %s',
    (_lang, kind, text, score, followUp) => {
      expect(readSurveyAnswer(text, kind)).toEqual({ score, followUp });
    },
  );
});
