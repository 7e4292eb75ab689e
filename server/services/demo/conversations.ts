import type { ChannelKind } from '#shared/channels';

/** One step of a scripted demo conversation. */
export type Step =
  | { c: string; via?: ChannelKind } // customer writes (optionally switching channel)
  | { a: string } // agent replies
  | { note: string } // internal note
  | { resolve: true }
  | { gapMin: number }; // time passes

/** Demo languages. */
export type DemoLang = 'en' | 'th' | 'pl' | 'zh';

/** Scripted multi-episode histories per language (fresh, believable support conversations). */
export const CONVERSATIONS: Record<DemoLang, Step[][]> = {
  en: [
    [
      { c: 'Hi, my order #48213 still shows "processing" after 5 days. Can you check?' },
      {
        a: 'Hi! Sorry for the wait — the warehouse had a backlog. Your parcel ships today, tracking follows by email.',
      },
      { c: 'Great, thanks for the quick answer!' },
      { resolve: true },
      { gapMin: 60 * 24 * 3 },
      { c: 'The parcel arrived but the charger is missing 😕', via: 'whatsapp' },
    ],
    [
      { c: 'I was charged twice for my subscription this month. This is really frustrating.' },
      { a: 'I can see both charges — I have refunded the duplicate. It will show within 3–5 business days.' },
      { c: 'Ok, appreciate it.' },
      { resolve: true },
    ],
    [
      { c: 'Can I change the delivery address for order 77120? I moved last week.' },
      { note: 'Courier allows address change until the label is printed — check in the portal.' },
      { a: 'Done! The new address is on the order. Anything else?' },
      { c: 'No that is all, thank you so much!' },
    ],
    [
      { c: 'Your app keeps logging me out every few minutes. NOT happy!!!' },
      { c: 'Still happening. I have a meeting in 10 minutes and need my invoices.' },
    ],
    [
      { c: 'Hello, do you ship to Canada?' },
      { a: 'We do — standard shipping to Canada takes 5–8 days.' },
      { resolve: true },
      { gapMin: 60 * 24 * 10 },
      { c: 'Ordered to Toronto last week, any update on tracking?', via: 'email' },
    ],
  ],
  th: [
    [
      { c: 'สวัสดีค่ะ สั่งของไปเมื่อวันจันทร์ ยังไม่ได้รับของเลยค่ะ' },
      { a: 'ขออภัยในความล่าช้าค่ะ พัสดุอยู่ระหว่างขนส่ง คาดว่าจะถึงพรุ่งนี้ค่ะ' },
      { c: 'ได้รับแล้วค่ะ ขอบคุณมากนะคะ 🙏' },
      { resolve: true },
    ],
    [
      { c: 'แอปจ่ายเงินไม่ผ่าน ลองสามครั้งแล้ว ไม่พอใจมากครับ' },
      { a: 'ขออภัยครับ รบกวนส่งภาพหน้าจอข้อความแจ้งเตือนให้หน่อยได้ไหมครับ' },
      { c: 'ส่งทาง LINE ให้แล้วนะครับ', via: 'line' },
    ],
    [
      { c: 'ขอเปลี่ยนไซซ์รองเท้าจาก 40 เป็น 41 ได้ไหมคะ' },
      { a: 'ได้ค่ะ ส่งคืนได้ฟรีภายใน 30 วันค่ะ' },
      { c: 'โอเคค่ะ ขอบคุณค่ะ' },
      { resolve: true },
      { gapMin: 60 * 24 * 5 },
      { c: 'ส่งคืนไปแล้ว แต่ยังไม่ได้เงินคืนเลยค่ะ รอมาอาทิตย์นึงแล้ว', via: 'messenger' },
    ],
    [{ c: 'บริการดีมากครับ พนักงานช่วยเร็วมาก 👍' }, { a: 'ขอบคุณมากครับ ยินดีให้บริการครับ' }, { resolve: true }],
  ],
  pl: [
    [
      { c: 'Dzień dobry, gdzie jest moja paczka? Zamówienie 55102, miało być wczoraj.' },
      { a: 'Dzień dobry! Kurier miał opóźnienie, paczka będzie dziś do 18:00.' },
      { c: 'Dziękuję, dotarła. Wszystko w porządku.' },
      { resolve: true },
    ],
    [
      { c: 'Nie jestem zadowolony z obsługi. Trzeci raz piszę w tej samej sprawie!' },
      { a: 'Przepraszam za to. Przejmuję sprawę osobiście i dziś wrócę z odpowiedzią.' },
      { note: 'Klient VIP — sprawdzić historię zwrotów z marca.' },
    ],
    [
      { c: 'Czy mogę zapłacić BLIKIEM przy odbiorze?' },
      { a: 'Tak, kurier przyjmuje BLIK i karty.' },
      { resolve: true },
      { gapMin: 60 * 24 * 2 },
      { c: 'Super, wszystko działa, bardzo dziękuję za pomoc 😊', via: 'sms' },
    ],
    [{ c: 'Aplikacja nie dziala po aktualizacji, nie moge sie zalogowac' }, { c: 'Halo? Jest tam ktoś?' }],
  ],
  zh: [
    [
      { c: '你好，我的订单还没到，已经一个星期了' },
      { a: '您好，非常抱歉！快递在转运中心滞留，预计明天送达。' },
      { c: '收到了，谢谢你们！' },
      { resolve: true },
    ],
    [
      { c: '退款什么时候到账？已经等了十天了，太慢了' },
      { a: '抱歉让您久等，退款已处理，三个工作日内到账。' },
      { c: '好的' },
      { resolve: true },
      { gapMin: 60 * 24 * 4 },
      { c: '还是没有收到退款，非常不满意', via: 'telegram' },
    ],
    [
      { c: '请问可以开发票吗？公司报销需要' },
      { a: '可以的，请提供公司名称和税号。' },
      { c: '已经发邮件给你们了', via: 'email' },
    ],
    [{ c: '客服态度很好，问题解决得很快，点赞👍' }, { a: '谢谢您的认可！' }, { resolve: true }],
  ],
};
