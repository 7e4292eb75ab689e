import { cannedResponses } from '#server/db/schema';
import type { Db } from '#server/db/connection';

type Lang = 'en' | 'th' | 'pl' | 'zh-CN';

/** Canned responses the demo ships, each in English, Thai, Polish and Chinese ({{first_name}}, {{agent}} filled in). */
const DEMO_CANNED: Array<{ shortcut: string; variants: Record<Lang, [title: string, body: string]> }> = [
  {
    shortcut: 'greet',
    variants: {
      en: ['Greeting', 'Hi {{first_name}}, this is {{agent}}. How can I help?'],
      th: ['ทักทาย', 'สวัสดีค่ะคุณ{{first_name}} {{agent}} ยินดีให้บริการค่ะ มีอะไรให้ช่วยไหมคะ'],
      pl: ['Powitanie', 'Dzień dobry, {{first_name}}, z tej strony {{agent}}. W czym mogę pomóc?'],
      'zh-CN': ['问候', '{{first_name}}您好，我是{{agent}}，请问有什么可以帮您？'],
    },
  },
  {
    shortcut: 'ref',
    variants: {
      en: [
        'Ask for the order number',
        'Could you send me your order number? It starts with BR- and is in your confirmation email.',
      ],
      th: ['ขอเลขคำสั่งซื้อ', 'รบกวนส่งเลขคำสั่งซื้อให้หน่อยค่ะ ขึ้นต้นด้วย BR- อยู่ในอีเมลยืนยันค่ะ'],
      pl: [
        'Prośba o numer zamówienia',
        'Czy może Pan/Pani podać numer zamówienia? Zaczyna się od BR- i jest w e-mailu z potwierdzeniem.',
      ],
      'zh-CN': ['询问订单号', '请提供您的订单号，以 BR- 开头，可在确认邮件中找到。'],
    },
  },
  {
    shortcut: 'delay',
    variants: {
      en: [
        'Delivery delay',
        'Sorry for the wait. Your parcel is delayed by the carrier; I will send you the new date as soon as I have it.',
      ],
      th: ['พัสดุล่าช้า', 'ขออภัยที่ให้รอค่ะ พัสดุล่าช้าจากบริษัทขนส่ง จะแจ้งวันส่งใหม่ให้ทราบทันทีที่ได้รับข้อมูลค่ะ'],
      pl: [
        'Opóźnienie dostawy',
        'Przepraszamy za czekanie. Przesyłka jest opóźniona przez przewoźnika; nową datę prześlę, gdy tylko ją dostanę.',
      ],
      'zh-CN': ['配送延迟', '抱歉让您久等了。您的包裹因快递原因延迟，我一拿到新的送达日期就告诉您。'],
    },
  },
  {
    shortcut: 'refund',
    variants: {
      en: ['Refund started', 'I have started your refund. It reaches your account within 5 working days.'],
      th: ['เริ่มคืนเงินแล้ว', 'ดำเนินการคืนเงินให้แล้วค่ะ เงินจะเข้าบัญชีภายใน 5 วันทำการค่ะ'],
      pl: ['Zwrot rozpoczęty', 'Rozpocząłem/Rozpoczęłam zwrot. Pieniądze wpłyną na konto w ciągu 5 dni roboczych.'],
      'zh-CN': ['已发起退款', '已为您发起退款，款项将在 5 个工作日内到账。'],
    },
  },
  {
    shortcut: 'thanks',
    variants: {
      en: ['Thanks and goodbye', 'Thank you, {{first_name}}! Write any time if anything else comes up.'],
      th: ['ขอบคุณและลา', 'ขอบคุณค่ะคุณ{{first_name}} หากมีอะไรเพิ่มเติมติดต่อได้ตลอดเวลานะคะ'],
      pl: ['Podziękowanie', 'Dziękuję, {{first_name}}! W razie pytań proszę pisać o każdej porze.'],
      'zh-CN': ['感谢与道别', '谢谢您，{{first_name}}！如有其他问题，随时联系我们。'],
    },
  },
];

/** Insert the demo's canned responses (all four languages of each shortcut). */
export function seedDemoCanned(db: Db, now: number, createdBy: number | null): void {
  for (const c of DEMO_CANNED) {
    for (const [language, [title, body]] of Object.entries(c.variants)) {
      db.insert(cannedResponses)
        .values({ shortcut: c.shortcut, language, title, body, createdBy, createdAt: now })
        .run();
    }
  }
}
