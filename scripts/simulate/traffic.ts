import { PERSONAS, VOICEMAILS, phrase, pickChannel, type Persona, type SimChannel } from './personas';
import type { EmailSide } from './email';
import type { Stats } from './stats';
import type { WebchatSide } from './webchat';
import {
  lineEvent,
  metaMessaging,
  post,
  telegramUpdate,
  twilioMessage,
  twilioVoicemail,
  whatsappCloud,
  type Delivery,
} from './webhooks';

/** What a traffic run needs. */
export interface TrafficDeps {
  braidUrl: string;
  env: Record<string, string>;
  rng: () => number;
  stats: Stats;
  email: EmailSide;
  webchat: WebchatSide;
  dupRate: number;
  outOfOrderRate: number;
  /** Timers for follow-ups (voicemail transcripts) so the run can cancel them. */
  timers: Set<NodeJS.Timeout>;
}

const hex = (rng: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(rng() * 16).toString(16)).join('');

/** Sends customer messages on every channel, with provider-style duplicates and out-of-order pairs. */
export class Traffic {
  private n = 0;
  private updateId = 500_000_000;
  private readonly tgMessageIds = new Map<number, number>();

  constructor(private readonly d: TrafficDeps) {}

  private async deliver(channel: SimChannel, first: Delivery, duplicate: boolean): Promise<void> {
    const status = await post(this.d.braidUrl, first);
    this.d.stats.answer(`in ${channel}`, status);
    if (duplicate) {
      this.d.stats.add('in duplicates');
      this.d.stats.answer(`in ${channel}`, await post(this.d.braidUrl, first));
    }
  }

  /** Two messages whose webhooks arrive newest first; the timestamps tell the true order. */
  private async outOfOrder(
    channel: SimChannel,
    p: Persona,
    make: (text: string, ts: number) => Delivery,
  ): Promise<void> {
    const t = Date.now() - 3_000;
    const older = make(phrase(p, this.d.rng), t);
    const newer = make(phrase(p, this.d.rng), t + 1_500);
    this.d.stats.add('in out-of-order');
    await this.deliver(channel, newer, false);
    await this.deliver(channel, older, false);
  }

  /** One customer action on a random persona and one of their channels. */
  async next(): Promise<void> {
    const { rng, env } = this.d;
    const p = PERSONAS[Math.floor(rng() * PERSONAS.length)];
    const channel = pickChannel(p, rng);
    const text = phrase(p, rng);
    const dup = rng() < this.d.dupRate;
    const ooo = rng() < this.d.outOfOrderRate;
    const n = ++this.n;
    const senders: Record<SimChannel, () => Promise<void>> = {
      sms: () => this.deliver('sms', twilioMessage(env, p, `SM${hex(rng, 32)}`, text, false), dup),
      'whatsapp-twilio': () =>
        this.deliver('whatsapp-twilio', twilioMessage(env, p, `SM${hex(rng, 32)}`, text, true), dup),
      whatsapp: () =>
        ooo
          ? this.outOfOrder('whatsapp', p, (t, ts) => whatsappCloud(env, p, `wamid.SIM${hex(rng, 24)}`, t, ts))
          : this.deliver('whatsapp', whatsappCloud(env, p, `wamid.SIM${hex(rng, 24)}`, text, Date.now()), dup),
      messenger: () =>
        ooo
          ? this.outOfOrder('messenger', p, (t, ts) => metaMessaging(env, 'page', p, `m_${hex(rng, 24)}`, t, ts))
          : this.deliver('messenger', metaMessaging(env, 'page', p, `m_${hex(rng, 24)}`, text, Date.now()), dup),
      instagram: () =>
        this.deliver('instagram', metaMessaging(env, 'instagram', p, `ig_${hex(rng, 24)}`, text, Date.now()), dup),
      telegram: () => {
        const make = (t: string, ts: number) => telegramUpdate(env, p, this.updateId++, this.nextTelegramId(p), t, ts);
        return ooo ? this.outOfOrder('telegram', p, make) : this.deliver('telegram', make(text, Date.now()), dup);
      },
      line: () => {
        const make = (t: string, ts: number) =>
          lineEvent(env, p, String(400_000_000_000_000 + Math.floor(rng() * 1e14)), t, ts);
        return ooo ? this.outOfOrder('line', p, make) : this.deliver('line', make(text, Date.now()), dup);
      },
      voice: () => this.voicemail(p, dup),
      email: async () => {
        const status = await this.d.email.send(p, text, n, dup);
        this.d.stats.answer('in email', status);
        if (dup) this.d.stats.add('in duplicates');
      },
      webchat: async () => {
        this.d.stats.answer('in webchat', await this.d.webchat.send(p, text, `sim${n}x${hex(rng, 8)}`, dup));
        if (dup) this.d.stats.add('in duplicates');
      },
    };
    await senders[channel]();
  }

  /**
   * The scripted opening: Somchai writes by SMS, then WhatsApp, then leaves a voicemail (one
   * customer, one thread: the same number), then emails (a separate customer until an agent merges).
   */
  async journey(): Promise<void> {
    const { env, rng } = this.d;
    const p = PERSONAS[0];
    await this.deliver(
      'sms',
      twilioMessage(env, p, `SM${hex(rng, 32)}`, 'สวัสดีครับ สั่งของไปเมื่อวาน ยังไม่ได้เลขพัสดุครับ', false),
      false,
    );
    await new Promise((r) => setTimeout(r, 1_500));
    await this.deliver(
      'whatsapp',
      whatsappCloud(env, p, `wamid.SIM${hex(rng, 24)}`, 'ส่งรูปใบเสร็จทาง WhatsApp นะครับ 🧾', Date.now()),
      false,
    );
    await new Promise((r) => setTimeout(r, 1_500));
    await this.voicemail(p, false);
    await new Promise((r) => setTimeout(r, 1_500));
    this.d.stats.answer(
      'in email',
      await this.d.email.send(p, 'Hello, following up on my order by email as well. ขอบคุณครับ', 0, false),
    );
  }

  private nextTelegramId(p: Persona): number {
    const id = (this.tgMessageIds.get(p.ids.telegram) ?? 100) + 1;
    this.tgMessageIds.set(p.ids.telegram, id);
    return id;
  }

  /** A voicemail: the recording callback now, the transcription a few seconds later (same RecordingSid). */
  private async voicemail(p: Persona, dup: boolean): Promise<void> {
    const { rng, env } = this.d;
    const recording = `RE${hex(rng, 32)}`;
    const call = `CA${hex(rng, 32)}`;
    const seconds = 8 + Math.floor(rng() * 50);
    await this.deliver('voice', twilioVoicemail(env, p, recording, call, seconds), dup);
    const transcript = phrase(p, rng, VOICEMAILS);
    const timer = setTimeout(
      () => {
        this.d.timers.delete(timer);
        void this.deliver('voice', twilioVoicemail(env, p, recording, call, seconds, transcript), false);
      },
      2_000 + Math.floor(rng() * 3_000),
    );
    this.d.timers.add(timer);
  }
}
