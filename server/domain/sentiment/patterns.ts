/**
 * Support-domain cues that are patterns rather than words: how long someone has waited, how often
 * they have asked, "never … again". Applied to the lower-cased message text; each match adds its valence.
 */
const NUM_EN = String.raw`(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|couple(?: of)?)`;
const UNIT_EN = String.raw`(?:days?|weeks?|months?|hours?|hrs?)`;
const NUM_PL = String.raw`(?:\d+|dw[óo]ch|dwa|dwie|trzy|trzech|cztery|czterech|pi[ęe][ćc]|pi[ęe]ciu|kilka|kilku|wielu)`;
const UNIT_PL = String.raw`(?:dni|dnia|tydzie[ńn]|tygodni[ae]?|miesi[ąa]c[ae]?|miesi[ęe]cy|godzin[ęey]?)`;
const NUM_TH = String.raw`(?:\d+|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|หลาย)`;
const UNIT_TH = String.raw`(?:วัน|อาทิตย์|สัปดาห์|เดือน|ชั่วโมง|ชม\.?)`;
const OVER_TH = String.raw`(?:เกิน|กว่า|ตั้ง)?`;
const NUM_ZH = String.raw`(?:\d+|[一二两三四五六七八九十几半多]+)`;

const PATTERNS: ReadonlyArray<[RegExp, number]> = [
  [
    new RegExp(
      String.raw`\b(?:been|over|waited|waiting)\s+(?:for\s+)?(?:over\s+|almost\s+|more than\s+)?${NUM_EN}\s+${UNIT_EN}\b`,
      'u',
    ),
    -1.5,
  ],
  [new RegExp(String.raw`\b(?:for|since)\s+(?:ages|days|weeks|months)\b`, 'u'), -1],
  [/\bnever\s+(?:\S+\s+){0,3}again\b/u, -1.5],
  [/\b(?:charged|billed|debited|took)\s+(?:me\s+|my card\s+)?(?:twice|two times|double|\d+\s*(?:times|x))\b/u, -2],
  [/\b(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth)\s+(?:time|email|message|call|ticket|request|attempt)\b/u, -1.2],
  [new RegExp(String.raw`\b${NUM_EN}\s+${UNIT_EN}\s+ago\b`, 'u'), -0.5],
  [
    /(?:^|\s)(?:drugi|trzeci|czwarty|pi[aą]ty|sz[oó]sty|kolejny|\d+\.)\s+(?:raz|mail|e-?mail|maila|wiadomo[sś][cć]|telefon)(?=$|[\s.,!?])/u,
    -1.3,
  ],
  [new RegExp(String.raw`(?:^|\s)${NUM_PL}\s+${UNIT_PL}\s+temu(?=$|[\s.,!?])`, 'u'), -0.5],
  [/(?:ครั้ง|รอบ|เมล|อีเมล|อีเมล์|ข้อความ)ที่\s*(?:สอง|สาม|สี่|ห้า|หก|เจ็ด|\d+)/u, -1.2],
  [/第\s*(?:[二三四五六七八九十]+|[2-9]|\d\d+)\s*(?:次|遍|封|回)/u, -1.2],
  [new RegExp(String.raw`${NUM_ZH}\s*个?(?:天|周|星期|礼拜|月|小时)(?:以)?前`, 'u'), -0.5],
  [new RegExp(String.raw`(?:^|\s)od\s+(?:${NUM_PL}\s+)?${UNIT_PL}(?=$|[\s.,!?])`, 'u'), -1.2],
  [new RegExp(String.raw`(?:^|\s)ju[żz]\s+(?:od\s+)?(?:${NUM_PL}\s+)?${UNIT_PL}(?=$|[\s.,!?])`, 'u'), -1.2],
  [new RegExp(String.raw`(?:${OVER_TH}${NUM_TH}|เกิน|กว่า)\s*${UNIT_TH}(?:นึง|หนึ่ง)?\s*แล้ว`, 'u'), -1.2],
  [new RegExp(String.raw`${NUM_TH}\s*(?:รอบ|ครั้ง)แล้ว`, 'u'), -1.2],
  [new RegExp(String.raw`${NUM_ZH}\s*个?多?(?:天|周|星期|礼拜|月|小时|钟头)(?:了|都|还)`, 'u'), -1.2],
  [
    /(?:联系|打|发|问|催|要|说|找|反馈|投诉|申请|解释|转接)了?(?:[两三四五六七八九十几多]+|[2-9]|\d\d+)\s*(?:次|遍)/u,
    -1,
  ],
  [/(?:[两三四五六七八九十几多]+|[2-9]|\d\d+)\s*(?:次|遍)了/u, -0.8],
  [
    /\b(?:down|broken|not working|offline)\s+since\b|\bsince\s+(?:yesterday|last\s+\w+|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/u,
    -0.8,
  ],
  [
    /(?:^|\s)od\s+(?:wczoraj|przedwczoraj|poniedzia[lł]ku|wtorku|[sś]rody|czwartku|pi[aą]tku|soboty|niedzieli|rana)(?=$|[\s.,!?])/u,
    -0.8,
  ],
  [/(?:^|\s)(?:ponad|prawie|ju[zż])\s+(?:tydzie[nń]|miesi[aą]c|rok)(?=$|[\s.,!?])/u, -1],
  [
    /(?:pobra|obci[aą][zż]|nalicz|zap[lł]aci|ściągn|sciagn)\S*\s+(?:\S+\s+){0,4}(?:dwa razy|dwukrotnie|podw[oó]jnie)/u,
    -2,
  ],
  [/ตั้งแต่เมื่อวาน|ตั้งแต่เมื่อวานซืน|ตั้งแต่อาทิตย์ที่แล้ว/u, -0.8],
  [/从昨天|从上周|从前天/u, -0.6],
  [new RegExp(String.raw`\btook\s+(?:over\s+|almost\s+|more than\s+)?${NUM_EN}\s+(?:days|weeks|months)\b`, 'u'), -1],
  [
    new RegExp(
      String.raw`(?:trwa[lł][aoy]?|sz[lł][aoy]?|idzie|jecha[lł][aoy]?)\s+(?:ju[zż]\s+|ponad\s+)?${NUM_PL}\s+${UNIT_PL}(?=$|[\s.,!?])`,
      'u',
    ),
    -1,
  ],
  [new RegExp(String.raw`ตั้ง\s*${NUM_TH}\s*${UNIT_TH}`, 'u'), -1.2],
  [new RegExp(String.raw`(?:送|寄|走|到|等)了\s*${NUM_ZH}\s*个?多?(?:天|周|星期|礼拜|月)`, 'u'), -1.2],
  // "expected (way) better": an expectation followed by a comparative is a disappointment.
  [/\bexpect(?:ed|ing)?\s+(?:\S+\s+){0,3}(?:better|more)\b/u, -3],
  [/spodziewa\S*\s+(?:\S+\s+){0,4}(?:lepsz|wi[eę]cej)/u, -3],
  [/คาดหวัง.{0,20}(?:ดีกว่า|มากกว่า)/u, -1.5],
  [/(?:期望|期待|预想|以为|本以为).{0,10}(?:更好|好点|好一点)/u, -2.5],
  // "不满99元" is "under 99 yuan", not "dissatisfied": cancel the lexicon's 不满.
  [/不满\s*[0-9一二三四五六七八九十百千万]/u, 2.5],
];

// "10/10", "5/5", "1/10": a rating out of 5 or 10 reads the same in every language.
const RATING = /(?:^|[^\d/])(\d{1,2})\s*\/\s*(5|10)(?![\d/])/u;

function ratingScore(text: string): number {
  const m = RATING.exec(text);
  if (!m) return 0;
  const ratio = Number(m[1]) / Number(m[2]);
  return ratio > 1 ? 0 : ratio >= 0.8 ? 2 : ratio <= 0.4 ? -2 : 0;
}

// Each pattern is written in one script, and every match holds a letter of it: a Thai pattern a Thai
// letter, a Chinese one a Han character, the others an ASCII letter. A text without that script skips it.
const LATIN = 1;
const THAI = 2;
const HAN = 4;
const SCRIPT_OF = PATTERNS.map(([re]) =>
  /[\u0E00-\u0E7F]/u.test(re.source) ? THAI : /[\u4E00-\u9FFF]/u.test(re.source) ? HAN : LATIN,
);

function scriptsIn(text: string): number {
  let f = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) f |= LATIN;
    else if (c >= 0x0e00 && c <= 0x0e7f) f |= THAI;
    else if (c >= 0x4e00 && c <= 0x9fff) f |= HAN;
  }
  return f;
}

/** Sums the valence of every support-domain pattern (and any n/5 or n/10 rating) found in the message. */
export function patternScore(lowerText: string): number {
  let sum = ratingScore(lowerText);
  const scripts = scriptsIn(lowerText);
  for (let k = 0; k < PATTERNS.length; k++) {
    if (!(scripts & SCRIPT_OF[k])) continue;
    const [re, v] = PATTERNS[k];
    if (re.test(lowerText)) sum += v;
  }
  return sum;
}
