/** Languages Braid writes automatic customer messages in. */
export type TextLang = 'en' | 'th' | 'pl' | 'zh';

/** Pick a supported language from a detected/recorded one (Chinese variants → zh), else English. */
export function textLang(lang: string | null | undefined): TextLang {
  const l = (lang ?? '').toLowerCase();
  if (l.startsWith('th')) return 'th';
  if (l.startsWith('pl')) return 'pl';
  if (l.startsWith('zh')) return 'zh';
  return 'en';
}

/** Intl locale for a text language. */
export const LOCALE: Record<TextLang, string> = { en: 'en', th: 'th', pl: 'pl', zh: 'zh-CN' };

/** Acknowledgement while the team is working: `wait` is a localised duration. */
export function ackOpenText(lang: TextLang, wait: string, ahead: number): string {
  switch (lang) {
    case 'th':
      return `ขอบคุณที่ติดต่อเรา เราได้รับข้อความของคุณแล้ว โดยปกติเราจะตอบกลับภายในประมาณ ${wait}${ahead > 0 ? ` (มีลูกค้ารออยู่ก่อนหน้า ${ahead} ราย)` : ''}`;
    case 'pl':
      return `Dziękujemy za wiadomość! Zwykle odpowiadamy w ciągu około ${wait}${ahead > 0 ? ` (przed Tobą w kolejce: ${ahead})` : ''}.`;
    case 'zh':
      return `感谢您的留言！我们通常会在约${wait}内回复${ahead > 0 ? `（您前面还有 ${ahead} 位客户）` : ''}。`;
    default:
      return `Thanks for your message! We usually reply within about ${wait}${ahead > 0 ? ` (${ahead} ${ahead === 1 ? 'customer' : 'customers'} ahead of you)` : ''}.`;
  }
}

/** Acknowledgement outside business hours: `when` is a localised "back at" time. */
export function ackClosedText(lang: TextLang, when: string): string {
  switch (lang) {
    case 'th':
      return `ขอบคุณที่ติดต่อเรา ขณะนี้อยู่นอกเวลาทำการ ทีมงานจะกลับมาตอบ ${when}`;
    case 'pl':
      return `Dziękujemy za wiadomość! Jesteśmy teraz poza godzinami pracy — wrócimy ${when}.`;
    case 'zh':
      return `感谢您的留言！现在是非工作时间，我们将于${when}回复您。`;
    default:
      return `Thanks for your message! We're outside business hours right now — we'll be back ${when}.`;
  }
}

/** The survey question sent on resolve. */
export function surveyText(lang: TextLang, kind: 'csat' | 'nps'): string {
  const csat: Record<TextLang, string> = {
    en: 'How would you rate the help you got today? Reply with a number from 1 (poor) to 5 (excellent).',
    th: 'คุณพอใจกับการช่วยเหลือในวันนี้แค่ไหน? ตอบกลับเป็นตัวเลข 1 (ไม่พอใจ) ถึง 5 (พอใจมาก)',
    pl: 'Jak oceniasz dzisiejszą pomoc? Odpowiedz liczbą od 1 (słabo) do 5 (świetnie).',
    zh: '您对今天的服务满意吗？请回复 1（不满意）到 5（非常满意）的数字。',
  };
  const nps: Record<TextLang, string> = {
    en: 'How likely are you to recommend us to a friend? Reply with a number from 0 to 10.',
    th: 'คุณมีแนวโน้มจะแนะนำเราให้เพื่อนมากแค่ไหน? ตอบกลับเป็นตัวเลข 0 ถึง 10',
    pl: 'Jak bardzo prawdopodobne jest, że polecisz nas znajomym? Odpowiedz liczbą od 0 do 10.',
    zh: '您有多大可能向朋友推荐我们？请回复 0 到 10 的数字。',
  };
  return kind === 'csat' ? csat[lang] : nps[lang];
}
