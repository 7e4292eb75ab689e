import { LANGS, type Lang } from '#scripts/bench/texts';
import { phoneOf } from '#scripts/bench/webhook';

/** People and settings made through Braid's admin API before the bulk rows are written. */
export interface People {
  /** Team id per language, plus the escalation team. */
  teams: Record<Lang | 'esc', number>;
  /** Agents (and the lead) who answer each team's threads. */
  members: Map<number, Array<{ id: number; name: string }>>;
  /** Accounts the rows log in as. */
  logins: { lead: string; agent: string; supervisor: string };
  agentCount: number;
}

/** Channels in the order their index is stored in the plan. */
export const CHANNELS = ['email', 'sms', 'whatsapp', 'telegram', 'line', 'messenger', 'instagram', 'webchat'] as const;
/** One channel of the plan. */
export type PlanChannel = (typeof CHANNELS)[number];

// Which channels customers of each language write from (weights sum to 100).
const MIX: Record<Lang, Array<[PlanChannel, number]>> = {
  th: [
    ['line', 35],
    ['whatsapp', 25],
    ['messenger', 20],
    ['email', 10],
    ['sms', 10],
  ],
  zh: [
    ['webchat', 30],
    ['email', 30],
    ['whatsapp', 20],
    ['telegram', 20],
  ],
  pl: [
    ['email', 35],
    ['sms', 20],
    ['whatsapp', 20],
    ['messenger', 15],
    ['instagram', 10],
  ],
  en: [
    ['email', 35],
    ['whatsapp', 20],
    ['webchat', 15],
    ['sms', 10],
    ['telegram', 10],
    ['instagram', 10],
  ],
};

/** A channel for a customer of a language, from a uniform draw in [0, 1). */
export function pickChannel(lang: Lang, u: number): number {
  let acc = 0;
  for (const [ch, w] of MIX[lang]) {
    acc += w / 100;
    if (u < acc) return CHANNELS.indexOf(ch);
  }
  return CHANNELS.indexOf(MIX[lang][0][0]);
}

/** The language of customer c (round robin, so every language has a quarter of the workspace). */
export function langOf(c: number): Lang {
  return LANGS[c % LANGS.length];
}

/** Time zone stored on customers and team schedules per language. */
export const ZONES: Record<Lang, string> = {
  th: 'Asia/Bangkok',
  zh: 'Asia/Shanghai',
  pl: 'Europe/Warsaw',
  en: 'Europe/London',
};

/** An identity's address and matching columns, normalised the way Braid stores them. */
export function addressOf(
  channel: PlanChannel,
  c: number,
  lang: Lang,
): { address: string; phone: string | null; email: string | null } {
  switch (channel) {
    case 'sms':
    case 'whatsapp': {
      const phone = `+${phoneOf(lang, c)}`;
      return { address: phone, phone, email: null };
    }
    case 'email': {
      const email = `customer${c}@mail-${lang}.example`;
      return { address: email, phone: null, email };
    }
    case 'telegram':
      return { address: String(100_000_000 + c), phone: null, email: null };
    case 'line':
      return { address: `U${c.toString(16).padStart(32, '0')}`, phone: null, email: null };
    case 'messenger':
    case 'instagram':
      return { address: String(2_000_000_000_000 + c), phone: null, email: null };
    case 'webchat':
      return { address: `v_${c.toString(36).padStart(8, '0')}`, phone: null, email: null };
  }
}
