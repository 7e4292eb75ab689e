import { parseArgs } from 'node:util';

/** Everything a simulator run is configured with. */
export interface SimOptions {
  braidUrl: string;
  /** Customer messages per minute (on average). */
  rate: number;
  /** Seconds of traffic before the simulator stops by itself. */
  duration: number;
  seed: number;
  /** Port of the local stand-in for the providers' send APIs. */
  providerPort: number;
  /** Port of the local SMTP server that receives Braid's email replies. */
  sinkPort: number;
  /** Braid's inbound SMTP listener (host from BRAID_URL). */
  smtpPort: number;
  dupRate: number;
  outOfOrderRate: number;
  /** Fraction of provider send calls answered with a transient 5xx (exercises outbox retries). */
  failRate: number;
  /** Fraction of customer messages an agent bot answers (0 = leave replying to you). */
  autoReply: number;
  agentEmail: string;
  agentPassword: string;
  env: Record<string, string>;
  printEnv: boolean;
  quiet: boolean;
}

const USAGE = `npm run simulate -- [options]

Drives a running Braid with signed traffic on every channel and stands in for the providers' APIs.

  --url <url>          Braid to drive (default $BRAID_URL or http://localhost:3000)
  --rate <n>           customer messages per minute (default 30)
  --duration <s>       seconds of traffic, then it stops by itself (default 120)
  --seed <n>           PRNG seed, for reproducible runs (default 1)
  --dup-rate <f>       fraction of deliveries repeated, like provider retries (default 0.08)
  --out-of-order <f>   fraction of message pairs delivered newest first (default 0.1)
  --fail-rate <f>      fraction of send-API calls answered 503 (default 0.05)
  --auto-reply <f>     an agent bot answers this fraction of new messages (default 0)
  --agent <email>      agent the bot logs in as (default agent@demo.braid)
  --password <pw>      its password (default braid-demo-2026)
  --provider-port <n>  port of the provider stand-in (default 4010)
  --sink-port <n>      port of the SMTP server receiving replies (default 4025)
  --smtp-port <n>      Braid's inbound SMTP port (default $SMTP_PORT or 2525)
  --print-env          print the settings to start Braid with, then exit
  --quiet              only print the summary
`;

/** The settings Braid must run with so the simulator's signatures verify and replies reach the stand-ins. */
export function simulatorEnv(
  braidUrl: string,
  providerPort: number,
  sinkPort: number,
  smtpPort: number,
): Record<string, string> {
  const base = `http://127.0.0.1:${providerPort}`;
  const defaults: Record<string, string> = {
    PUBLIC_URL: braidUrl.replace(/\/+$/, ''),
    TWILIO_ACCOUNT_SID: 'AC5157a7070000000000000000000000aa',
    TWILIO_AUTH_TOKEN: 'simulator-twilio-auth-token',
    TWILIO_FROM_NUMBER: '+15005550006',
    TWILIO_WHATSAPP_FROM: '+14155238886',
    TWILIO_API_BASE: base,
    META_APP_SECRET: 'simulator-meta-app-secret',
    META_VERIFY_TOKEN: 'simulator-meta-verify-token',
    META_ACCESS_TOKEN: 'simulator-meta-access-token',
    META_PHONE_NUMBER_ID: '100000000000001',
    META_GRAPH_BASE: base,
    TELEGRAM_BOT_TOKEN: '100000001:simulator-bot-token',
    TELEGRAM_SECRET_TOKEN: 'simulator-telegram-secret',
    TELEGRAM_API_BASE: base,
    LINE_CHANNEL_SECRET: 'simulator-line-channel-secret',
    LINE_CHANNEL_ACCESS_TOKEN: 'simulator-line-access-token',
    LINE_API_BASE: base,
    // The provider stand-ins listen on loopback, which outbound calls refuse unless allowed explicitly.
    OUTBOUND_ALLOW_PRIVATE: '127.0.0.1',
    SUPPORT_ADDRESSES: 'support@acme.test',
    SMTP_PORT: String(smtpPort),
    SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
    SMTP_FROM: 'support@acme.test',
  };
  // A setting already in the environment wins, so secrets stay consistent with a Braid started by hand.
  return Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, process.env[k]?.trim() || v]));
}

function num(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`);
  return n;
}

/** Parse the command line (and BRAID_URL / SMTP_PORT from the environment). */
export function parseOptions(argv: string[]): SimOptions | { help: string } {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      seed: { type: 'string' },
      'dup-rate': { type: 'string' },
      'out-of-order': { type: 'string' },
      'fail-rate': { type: 'string' },
      'auto-reply': { type: 'string' },
      agent: { type: 'string' },
      password: { type: 'string' },
      'provider-port': { type: 'string' },
      'sink-port': { type: 'string' },
      'smtp-port': { type: 'string' },
      'print-env': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (v.help) return { help: USAGE };
  const braidUrl = (v.url ?? process.env.BRAID_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  const providerPort = num(v['provider-port'], 4010, 'provider-port');
  const sinkPort = num(v['sink-port'], 4025, 'sink-port');
  const smtpPort = num(v['smtp-port'] ?? process.env.SMTP_PORT, 2525, 'smtp-port');
  return {
    braidUrl,
    rate: Math.max(0.1, num(v.rate, 30, 'rate')),
    duration: num(v.duration, 120, 'duration'),
    seed: num(v.seed, 1, 'seed'),
    providerPort,
    sinkPort,
    smtpPort,
    dupRate: Math.min(1, num(v['dup-rate'], 0.08, 'dup-rate')),
    outOfOrderRate: Math.min(1, num(v['out-of-order'], 0.1, 'out-of-order')),
    failRate: Math.min(1, num(v['fail-rate'], 0.05, 'fail-rate')),
    autoReply: Math.min(1, num(v['auto-reply'], 0, 'auto-reply')),
    agentEmail: v.agent ?? 'agent@demo.braid',
    agentPassword: v.password ?? 'braid-demo-2026',
    env: simulatorEnv(braidUrl, providerPort, sinkPort, smtpPort),
    printEnv: v['print-env'] ?? false,
    quiet: v.quiet ?? false,
  };
}
