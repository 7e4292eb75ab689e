/** Languages Braid writes automatic customer messages in. */
export type TextLang = 'en' | 'th' | 'pl' | 'zh';

/** The languages a team may choose as its default for customers Braid has no texts for. */
export const TEXT_LANGS = ['en', 'th', 'pl', 'zh'] as const satisfies readonly TextLang[];

/** The supported language of a detected/recorded one (Chinese variants → zh), or null when there are no texts in it. */
export function supportedLang(lang: string | null | undefined): TextLang | null {
  const l = (lang ?? '').toLowerCase();
  if (l.startsWith('th')) return 'th';
  if (l.startsWith('pl')) return 'pl';
  if (l.startsWith('zh')) return 'zh';
  if (l.startsWith('en')) return 'en';
  return null;
}

/** Pick a supported language from the candidates in order (message, then customer), else the team's default. */
export function textLang(candidates: ReadonlyArray<string | null | undefined>, fallback: TextLang = 'en'): TextLang {
  for (const c of candidates) {
    const l = supportedLang(c);
    if (l) return l;
  }
  return fallback;
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

/** Acknowledgement outside business hours: `when` is a localised day and time the answer will come by. */
export function ackClosedText(lang: TextLang, when: string): string {
  switch (lang) {
    case 'th':
      return `ขอบคุณที่ติดต่อเรา ขณะนี้อยู่นอกเวลาทำการ ทีมงานจะตอบกลับภายใน ${when}`;
    case 'pl':
      return `Dziękujemy za wiadomość! Jesteśmy teraz poza godzinami pracy — odpowiemy do ${when}.`;
    case 'zh':
      return `感谢您的留言！现在是非工作时间，我们将在${when}前回复您。`;
    default:
      return `Thanks for your message! We're outside business hours right now — we'll reply by ${when}.`;
  }
}

/** Acknowledgement when the answer will come after today's close: `when` is a localised day and time. */
export function ackLaterText(lang: TextLang, when: string, ahead: number): string {
  switch (lang) {
    case 'th':
      return `ขอบคุณที่ติดต่อเรา เราได้รับข้อความของคุณแล้ว ทีมงานจะตอบกลับภายใน ${when}${ahead > 0 ? ` (มีลูกค้ารออยู่ก่อนหน้า ${ahead} ราย)` : ''}`;
    case 'pl':
      return `Dziękujemy za wiadomość! Odpowiemy do ${when}${ahead > 0 ? ` (przed Tobą w kolejce: ${ahead})` : ''}.`;
    case 'zh':
      return `感谢您的留言！我们将在${when}前回复您${ahead > 0 ? `（您前面还有 ${ahead} 位客户）` : ''}。`;
    default:
      return `Thanks for your message! We'll reply by ${when}${ahead > 0 ? ` (${ahead} ${ahead === 1 ? 'customer' : 'customers'} ahead of you)` : ''}.`;
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
