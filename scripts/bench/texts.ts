/**
 * Customer and agent texts in Braid's four languages, built from templates and small word lists
 * so a large workspace has a real vocabulary (search rows look these words up).
 */

/** The workspace languages (customer language and agent locale). */
export const LANGS = ['th', 'zh', 'pl', 'en'] as const;
/** One workspace language. */
export type Lang = (typeof LANGS)[number];

interface LangTexts {
  inbound: string[];
  reply: string[];
  words: string[];
  first: string[];
  last: string[];
  /** Sentiment of each inbound template, in the app's label set (score ≈ -0.6 / 0 / 0.6). */
  moods: Array<'negative' | 'neutral' | 'positive'>;
}

const T: Record<Lang, LangTexts> = {
  th: {
    inbound: [
      'ยังไม่ได้รับ{w}เลยค่ะ สั่งไป 5 วันแล้ว ไม่พอใจมาก',
      'สวัสดีครับ อยากสอบถามเรื่อง{w} คำสั่งซื้อ {n}',
      'ขอบคุณมากค่ะ ได้รับ{w}แล้ว บริการดีมาก',
      '{w}เสียค่ะ ขอเปลี่ยนได้ไหม',
    ],
    reply: ['ขออภัยในความไม่สะดวกค่ะ กำลังตรวจสอบ{w}ให้นะคะ', 'เรียบร้อยแล้วครับ {w}จะจัดส่งพรุ่งนี้'],
    words: ['พัสดุ', 'สินค้า', 'ใบเสร็จ', 'รองเท้า', 'กระเป๋า', 'โทรศัพท์', 'เงินคืน', 'ที่อยู่'],
    first: ['สมชาย', 'สมหญิง', 'ประเสริฐ', 'มาลี', 'วิไล', 'อนุชา'],
    last: ['ใจดี', 'รักไทย', 'ศรีสุข', 'บุญมา', 'แก้วมณี'],
    moods: ['negative', 'neutral', 'positive', 'negative'],
  },
  zh: {
    inbound: [
      '退款什么时候到账？{w}太慢了',
      '你好，我想问一下订单 {n} 的{w}',
      '谢谢，{w}已经收到了，服务很好',
      '{w}坏了，可以换货吗？',
    ],
    reply: ['很抱歉给您带来不便，我们正在查看{w}', '已经处理好了，{w}明天发货'],
    words: ['快递', '包裹', '发票', '鞋子', '手机', '退款', '地址', '优惠券'],
    first: ['伟', '芳', '娜', '敏', '静', '磊'],
    last: ['王', '李', '张', '刘', '陈'],
    moods: ['negative', 'neutral', 'positive', 'negative'],
  },
  pl: {
    inbound: [
      'Nie jestem zadowolony, {w} nie dotarła!!!',
      'Dzień dobry, pytanie o zamówienie {n}: {w}',
      'Dziękuję bardzo, {w} już jest, świetna obsługa',
      '{w} jest uszkodzona, czy mogę wymienić?',
    ],
    reply: ['Przepraszamy za kłopot, sprawdzamy {w}', 'Załatwione, {w} wyślemy jutro'],
    words: ['paczka', 'przesyłka', 'faktura', 'kurtka', 'słuchawka', 'zwrot', 'dostawa', 'gwarancja'],
    first: ['Zażółć', 'Kasia', 'Piotr', 'Łukasz', 'Małgorzata', 'Paweł'],
    last: ['Kowalski', 'Wiśniewska', 'Wójcik', 'Grabowski', 'Żak'],
    moods: ['negative', 'neutral', 'positive', 'negative'],
  },
  en: {
    inbound: [
      'Where is my {w}? Ordered 5 days ago, this is terrible',
      'Hi, a question about order {n} and the {w}',
      'Thanks so much, the {w} arrived, great help 🙏',
      'The {w} is broken, can I get a replacement?',
    ],
    reply: ['Sorry about that, checking the {w} now', 'All sorted, the {w} ships tomorrow'],
    words: ['parcel', 'invoice', 'jacket', 'headphones', 'refund', 'delivery', 'warranty', 'voucher'],
    first: ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank'],
    last: ['Smith', 'Jones', 'Brown', 'Taylor', 'Wilson'],
    moods: ['negative', 'neutral', 'positive', 'negative'],
  },
};

const SCORE = { negative: -0.6, neutral: 0, positive: 0.6 } as const;

const fill = (tpl: string, w: string, n: number) => tpl.replace('{w}', w).replace('{n}', String(n));

/** An inbound customer text and its sentiment, chosen by a seed. */
export function inboundText(lang: Lang, seed: number): { text: string; label: string; score: number } {
  const t = T[lang];
  const i = seed % t.inbound.length;
  const label = t.moods[i];
  return {
    text: fill(t.inbound[i], t.words[(seed >>> 3) % t.words.length], 10_000 + (seed % 90_000)),
    label,
    score: SCORE[label],
  };
}

/** The sentiment score of the inbound text a seed chooses (without building the text). */
export function inboundScore(lang: Lang, seed: number): number {
  const t = T[lang];
  return SCORE[t.moods[seed % t.inbound.length]];
}

/** An agent reply in the customer's language, chosen by a seed. */
export function replyText(lang: Lang, seed: number): string {
  const t = T[lang];
  return fill(t.reply[seed % t.reply.length], t.words[(seed >>> 2) % t.words.length], seed);
}

/** A customer name in the language's script. */
export function customerName(lang: Lang, seed: number): string {
  const t = T[lang];
  const first = t.first[seed % t.first.length];
  const last = t.last[(seed >>> 4) % t.last.length];
  return lang === 'zh' ? `${last}${first}` : `${first} ${last}`;
}

/** A word of each language that appears in names (for the customer-search row). */
export function searchWords(): Record<Lang, string> {
  return { th: T.th.first[0], zh: T.zh.last[0], pl: T.pl.last[1], en: T.en.last[0] };
}
