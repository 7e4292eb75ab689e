import type { Stats } from './stats';

const REPLIES: Record<string, string[]> = {
  th: ['ขอบคุณที่ติดต่อมาค่ะ กำลังตรวจสอบให้นะคะ', 'ได้รับเรื่องแล้วครับ จะแจ้งกลับโดยเร็วที่สุด'],
  zh: ['您好，我们正在为您查询，请稍等。', '感谢您的耐心，我们已经处理了。'],
  pl: ['Dzień dobry, już sprawdzamy Pana/Pani zamówienie.', 'Dziękujemy za cierpliwość, sprawa załatwiona.'],
  en: ['Thanks for reaching out — checking that for you now.', 'Sorry for the wait! It is sorted now.'],
};

function langOf(text: string): string {
  if (/[\u0e00-\u0e7f]/.test(text)) return 'th';
  if (/[\u4e00-\u9fff]/.test(text)) return 'zh';
  if (/[ąćęłńóśźż]/i.test(text)) return 'pl';
  return 'en';
}

interface ThreadItem {
  id: number;
  waitingSince: number | null;
  lastMessagePreview: string;
}

/**
 * An optional agent that answers a fraction of waiting threads through Braid's real HTTP API, so
 * replies flow to the provider stand-ins and status callbacks come back without a human at the keyboard.
 */
export class AgentBot {
  private cookie = '';
  private csrf = '';
  private readonly answered = new Map<number, number>();

  constructor(
    private readonly braidUrl: string,
    private readonly fraction: number,
    private readonly rng: () => number,
    private readonly stats: Stats,
  ) {}

  /** Log in; false (with a reason printed) when the credentials do not work. */
  async login(email: string, password: string): Promise<boolean> {
    const res = await fetch(`${this.braidUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) {
      console.warn(`[sim] agent bot: login as ${email} failed (${res.status}); replies are up to you`);
      return false;
    }
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return true;
  }

  /** Answer some of the threads that are waiting for a reply. */
  async tick(): Promise<void> {
    const res = await fetch(`${this.braidUrl}/api/threads?status=open&sort=waiting&limit=50`, {
      headers: { cookie: this.cookie },
    });
    if (res.status !== 200) return;
    const { items } = (await res.json()) as { items: ThreadItem[] };
    for (const t of items) {
      if (t.waitingSince === null || this.answered.get(t.id) === t.waitingSince) continue;
      this.answered.set(t.id, t.waitingSince);
      if (this.rng() >= this.fraction) continue;
      const bank = REPLIES[langOf(t.lastMessagePreview)];
      const text = bank[Math.floor(this.rng() * bank.length)];
      const r = await fetch(`${this.braidUrl}/api/threads/${t.id}/replies`, {
        method: 'POST',
        headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, 'content-type': 'application/json' },
        // The bot stands in for the whole team, so it confirms acting on a colleague's thread.
        body: JSON.stringify({ text, clientId: `bot-${t.id}-${t.waitingSince}`, confirm: true }),
      });
      this.stats.answer('agent reply', r.status);
    }
  }
}
