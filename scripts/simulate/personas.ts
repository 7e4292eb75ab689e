import type { ChannelKind } from '#shared/channels';

/** Languages the simulated customers write in. */
export type Lang = 'en' | 'th' | 'pl' | 'zh';

/** A simulated customer and the channels they use. */
export interface Persona {
  name: string;
  lang: Lang;
  phone: string;
  email: string;
  /** Stable opaque ids on the id-based channels. */
  ids: { telegram: number; line: string; messenger: string; instagram: string };
  channels: ChannelKind[];
}

/** A persona's channel choice; 'whatsapp-twilio' is WhatsApp carried by Twilio instead of the Cloud API. */
export type SimChannel = Exclude<ChannelKind, 'api'> | 'whatsapp-twilio';

const P = (name: string, lang: Lang, phone: string, email: string, n: number, channels: ChannelKind[]): Persona => ({
  name,
  lang,
  phone,
  email,
  ids: {
    telegram: 700_000_000 + n,
    line: `U${(0xabc000 + n).toString(16).padEnd(32, '0')}`,
    messenger: `${6_786_745_600_000_000 + n}`,
    instagram: `${1_254_459_154_600_000 + n}`,
  },
  channels,
});

/**
 * Customers in English, Thai, Polish and Chinese. Somchai and Zofia move between SMS, WhatsApp,
 * voicemail and email (phone channels land in one thread; email links only after an agent merge or
 * a pre-chat email); Anna starts by email and then uses the web chat with the same email.
 */
export const PERSONAS: Persona[] = [
  P('Somchai Jaidee', 'th', '+66812345601', 'somchai.j@example.co.th', 1, [
    'sms',
    'whatsapp',
    'voice',
    'email',
    'line',
  ]),
  P('Zofia Kowalska', 'pl', '+48601234502', 'zofia.kowalska@example.pl', 2, ['sms', 'whatsapp', 'email', 'voice']),
  P('Anna Becker', 'en', '+447700900103', 'anna.becker@example.com', 3, ['email', 'webchat']),
  P('王芳', 'zh', '+8613800138004', 'wang.fang@example.cn', 4, ['whatsapp', 'telegram', 'webchat']),
  P('Emma Clarke', 'en', '+447700900105', 'emma.clarke@example.co.uk', 5, ['messenger', 'email', 'sms']),
  P('นภา ศรีสุข', 'th', '+66898765406', 'napa.s@example.co.th', 6, ['line', 'instagram', 'webchat']),
  P('Piotr Nowak', 'pl', '+48512345607', 'piotr.nowak@example.pl', 7, ['telegram', 'messenger', 'email']),
  P('李伟', 'zh', '+8613912345608', 'li.wei@example.cn', 8, ['instagram', 'whatsapp', 'email']),
  P('James Miller', 'en', '+14155550109', 'james.miller@example.com', 9, ['sms', 'voice', 'webchat']),
  P('Łucja Wiśniewska', 'pl', '+48600111210', 'lucja.w@example.pl', 10, ['line', 'telegram', 'whatsapp']),
];

const PHRASES: Record<Lang, string[]> = {
  en: [
    'Hi, my order #{n} hasn’t arrived yet. Can you check?',
    'I was charged twice for the same order, please help!',
    'Thanks so much, that solved it 🙏',
    'Still waiting for an answer… this is getting frustrating.',
    'Can I change the delivery address to my office?',
    'The jacket is too small — how do I return it?',
  ],
  th: [
    'สวัสดีครับ พัสดุหมายเลข {n} ยังไม่ได้รับเลยครับ',
    'สินค้าชำรุด ต้องการเปลี่ยนสินค้าค่ะ',
    'ขอบคุณมากค่ะ ได้รับของแล้ว 😊',
    'รอนานมากแล้ว ช่วยตอบหน่อยได้ไหมคะ',
    'สามารถเปลี่ยนที่อยู่จัดส่งได้ไหมครับ',
  ],
  pl: [
    'Dzień dobry, zamówienie nr {n} jeszcze nie dotarło.',
    'Zapłaciłem dwa razy za to samo zamówienie, proszę o zwrot.',
    'Dziękuję bardzo, wszystko działa! 👍',
    'Czekam już trzeci dzień, to jest skandal.',
    'Czy mogę zmienić rozmiar kurtki? Zażółć gęślą jaźń.',
  ],
  zh: [
    '你好，我的订单 {n} 还没有收到。',
    '我被重复扣款了，请帮我退款。',
    '谢谢，问题解决了！👍',
    '等了很久了，为什么还没有人回复？',
    '可以修改收货地址吗？',
  ],
};

/** Transcripts for voicemails (Twilio transcribes in English). */
export const VOICEMAILS = [
  'Hi, this is about order {n}, it still has not arrived, please call me back.',
  'Hello, I was charged twice for my order, could someone call me back today?',
  'Hi, I would like to change my delivery address, thanks.',
];

/** A message in the persona's language, with an order number filled in. */
export function phrase(p: Persona, rng: () => number, bank: string[] = PHRASES[p.lang]): string {
  const text = bank[Math.floor(rng() * bank.length)];
  return text.replace('{n}', String(10_000 + Math.floor(rng() * 90_000)));
}

/** The channel a persona writes on next (WhatsApp is carried by Twilio for half of the personas). */
export function pickChannel(p: Persona, rng: () => number): SimChannel {
  const c = p.channels[Math.floor(rng() * p.channels.length)];
  if (c === 'api') return 'webchat';
  return c === 'whatsapp' && PERSONAS.indexOf(p) % 2 === 1 ? 'whatsapp-twilio' : c;
}
