/**
 * Number words, rating cues and emoji used to read CSAT/NPS answers in English, Polish, Thai and
 * Chinese. Latin keys are lower-case and ASCII-folded (Polish "pięć" is stored as "piec").
 */

/** Latin-script number words (English and Polish, incl. Polish grade nouns like "piątka"). */
export const LATIN_NUMBERS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    jeden: 1,
    jedna: 1,
    jedno: 1,
    jedynka: 1,
    jedynke: 1,
    dwa: 2,
    dwie: 2,
    dwojka: 2,
    dwojke: 2,
    trzy: 3,
    trojka: 3,
    trojke: 3,
    cztery: 4,
    czworka: 4,
    czworke: 4,
    piec: 5,
    piatka: 5,
    piatke: 5,
    szesc: 6,
    szostka: 6,
    szostke: 6,
    siedem: 7,
    siodemka: 7,
    siodemke: 7,
    osiem: 8,
    osemka: 8,
    osemke: 8,
    dziewiec: 9,
    dziewiatka: 9,
    dziewiatke: 9,
    dziesiec: 10,
    dziesiatka: 10,
    dziesiatke: 10,
  }),
);

/** Thai number words, longest first so "สิบ" is not read inside a longer word by accident. */
export const THAI_NUMBERS: ReadonlyArray<[string, number]> = [
  ['ศูนย์', 0],
  ['หนึ่ง', 1],
  ['สอง', 2],
  ['สาม', 3],
  ['สี่', 4],
  ['ห้า', 5],
  ['หก', 6],
  ['เจ็ด', 7],
  ['แปด', 8],
  ['เก้า', 9],
  ['สิบ', 10],
];

/** Chinese numerals 0–10, ordinary and financial forms. */
export const HAN_NUMBERS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    零: 0,
    〇: 0,
    一: 1,
    壹: 1,
    二: 2,
    两: 2,
    贰: 2,
    三: 3,
    叁: 3,
    四: 4,
    肆: 4,
    五: 5,
    伍: 5,
    六: 6,
    陆: 6,
    七: 7,
    柒: 7,
    八: 8,
    捌: 8,
    九: 9,
    玖: 9,
    十: 10,
    拾: 10,
  }),
);

/** Words that announce a rating ("I'd give it a 4", "daję 5", "ให้ 5", "打9分"), so a number in a longer message still counts. */
export const RATING_CUES =
  /\b(?:give|gave|giving|rate|rated|rating|score|scored|a|solid|overall|definitely|points?|stars?|out of|daj[eę]|daje|oceniam|ocena|ocen[eę]|oceniamy|na|gwiazdk\w*|punkt\w*)\b|ให้|คะแนน|ดาว|เต็ม|打|给|评|分|星/iu;

/** Face and hand emoji with the CSAT (1–5) and NPS (0–10) values they most plausibly mean. */
export const EMOJI_SCORES: ReadonlyMap<string, { csat: number; nps: number }> = new Map(
  (
    [
      ['😍🤩🥰😻💯', 5, 10],
      ['😀😃😄😁😊☺😆👍👏🙌❤♥💖💕🎉', 5, 9],
      ['🙂👌', 4, 8],
      ['😐😑😶🤷', 3, 5],
      ['🙁😕😟☹😒😔', 2, 3],
      ['😡😠🤬😤😞😢😭😩😫👎💩🤮', 1, 0],
    ] as const
  ).flatMap(([chars, csat, nps]) => [...chars].map((c): [string, { csat: number; nps: number }] => [c, { csat, nps }])),
);
