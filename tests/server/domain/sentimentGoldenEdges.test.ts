import { describe, expect, it } from 'vitest';
import { analyzeLexicon, analyzeSentiment, type SentimentAdjust } from '#server/domain/sentiment/index';
import { LANGS, inboundText } from '#scripts/bench/texts';
import { prng } from '#scripts/simulate/prng';
import { FIXTURE_SETS } from '#tests/server/domain/sentimentFixtures';

// The scorer's outputs on the texts the golden corpus (sentimentGolden.test.ts) leaves out, recorded
// before the second round of its speed work (issue 10): empty and blank text, emoji only, long emails
// past every length cut (1,000 characters for n-grams, 2,000 for language detection, 5,000 for the
// lexicon), the benchmark's own inbound texts, random mixes of scripts and languages, the lexicon-only analyser, and a workspace adjustment
// (exact texts and feature offsets) on these and every labelled fixture message. Re-record only for a deliberate change of outputs, never for speed.

const FIXTURES = FIXTURE_SETS;

const SHORT = [
  '',
  ' ',
  '\n',
  '\t \n ',
  '?',
  '!!!',
  '...',
  '😡',
  '🙏🙏🙏',
  '👍🏽',
  '❤️',
  ':)',
  ':(',
  '🇵🇱',
  '5555',
  '555 😂',
];

// Pieces of other scripts and languages (ties between scripts, kana with Han, Ukrainian letters, Latin
// languages told apart by telltale letters), look-alikes, emoticons, hyphens, stretched letters.
const FOREIGN = [
  ...['Привет', 'їжак', 'مرحبا', 'שלום', 'Γειά', 'नमस्ते', '안녕하세요', 'ありがとう', 'カタカナ', '東京', 'ß', 'straße'],
  ...['ñandú ¿qué?', 'ç', 'œuvre', 'ğış', 'ěřů', 'ãõ', 'Việt Nam', 'ｆｕｌｌ', '\u3000', 'e-mail', 'rip-off', 'ﬁne'],
  ...[':-)', ';)', 'xD', '<3', '^_^', 'T_T', '-_-', ':P', 'sooooo', 'ดีมากกกกก', '5555', '๕๕๕', '１０/１０', 'OK!!'],
  ...['I', 'ı', 'İ', 'K', 'ſ', 'e\u0301', '\u0e33', 'ำ', '😡😡', '🙏🏽', '👨‍👩‍👧', '\t', 'a.b', '1,5', "it's"],
];

// Random mixes of fixture words and foreign pieces, with random separators.
function mixes(n: number): string[] {
  const rand = prng(20261202);
  const words = FIXTURES.flat()
    .flatMap((t) => t.split(/\s+/))
    .filter(Boolean);
  const seps = [' ', '', '\n', ', ', '! ', '? ', '-', '…', '。'];
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  return Array.from({ length: n }, () => {
    const parts: string[] = [];
    for (let k = 1 + Math.floor(rand() * 12); k > 0; k--)
      parts.push(rand() < 0.3 ? pick(FOREIGN) : pick(words), pick(seps));
    return parts.join('');
  });
}

// An email of roughly `chars` characters: a greeting, fixture messages of one language (or all four)
// as paragraphs, a quoted earlier message and a signature.
function email(set: string[][], seed: number, chars: number): string {
  const parts = ['Hello team,', ''];
  for (let i = 0; parts.join('\n').length < chars; i++) {
    const lang = set[(seed + i) % set.length];
    parts.push(lang[(seed * 31 + i * 17) % lang.length], '');
  }
  parts.push('> On Monday you wrote:', '> We are looking into it.', '', '--', 'Sent from my phone');
  return parts.join('\n');
}

function corpus(): string[] {
  const out = [...SHORT];
  for (const size of [400, 1_100, 2_100, 5_200, 12_000])
    for (let seed = 0; seed < 8; seed++) {
      out.push(email([FIXTURES[seed % 8]], seed, size));
      out.push(email(FIXTURES, seed, size));
    }
  for (let i = 0; i < 400; i++) out.push(inboundText(LANGS[i % 4], i * 7).text);
  out.push('Thanks so much, great help 🙏', 'ยังไม่ได้รับของเลยค่ะ ไม่พอใจมาก', '退款什么时候到账？太慢了');
  out.push(...mixes(2_000));
  // Every fixture message again, for the lexicon-only and adjusted readings the golden corpus leaves out.
  return out.concat(FIXTURES.flat());
}

// A fixed workspace adjustment: some texts remembered, offsets that depend on every feature.
const ADJUST: SentimentAdjust = {
  exact: (text) => (text.length % 11 === 0 ? 'positive' : undefined),
  offset: (idx, val) => {
    if (idx.length % 3 === 0) return undefined;
    let a = 0;
    for (let i = 0; i < idx.length; i++) a += ((idx[i] % 7) - 3) * val[i];
    return [a * 0.3, -a * 0.1, (idx.length % 5) * 0.05];
  },
};

const line = (r: { score: number; label: string; confidence: number; language: string }) =>
  `${r.score} ${r.label} ${r.confidence} ${r.language}`;

describe('sentiment scores on edge texts', () => {
  const texts = corpus();

  it('are exactly the recorded ones, plain, lexicon-only and adjusted', async () => {
    expect(texts.length).toBeGreaterThan(4_000);
    const rows = texts.map(
      (t, i) => `${i} ${line(analyzeSentiment(t))} | ${line(analyzeLexicon(t))} | ${line(analyzeSentiment(t, ADJUST))}`,
    );
    await expect(rows.join('\n') + '\n').toMatchFileSnapshot('./__snapshots__/sentimentGoldenEdges.txt');
  }, 120_000);
});
