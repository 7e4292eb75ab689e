import { isIP } from 'node:net';
import { z } from 'zod';
import { CHANNEL_SETTINGS } from './channels/settings';
import { optionalSetting as optional } from './settingFields';
import { privateAllowList } from './channels/kit/ipGuard';
import { availableParallelism } from 'node:os';
import { errorMessage } from './errors';

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** Set to '0' to skip creating the demo workspace on an empty database. */
  DEMO: z.enum(['0', '1']).default('1'),
  ADMIN_EMAIL: z.string().email().default('admin@braid.local'),
  ADMIN_PASSWORD: optional,
  /** Public base URL (used for Twilio signatures, email Message-IDs and widget links). */
  PUBLIC_URL: optional,
  COOKIE_SECURE: z.enum(['0', '1']).optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  /** Failed logins (per account + address, and per address) before backoff and delays start. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /** Refused requests (bad signature, unknown key, bad body) per minute per address on webhooks and the API channel. */
  PUBLIC_REFUSAL_LIMIT: z.coerce.number().int().positive().default(120),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (IPs or CIDR ranges, comma separated).
   * Empty (the default): the TCP peer is the client, whatever headers say. See docs/security.md.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .refine(
      (v) =>
        v
          .split(',')
          .map((e) => e.trim())
          .filter(Boolean)
          .every((e) => isIP(e.split('/')[0]) !== 0),
      'TRUST_PROXY must list IP addresses or CIDR ranges',
    ),
  BODY_LIMIT: z.string().default('1mb'),
  /** Worker threads running reports and metrics off the event loop (0: on the request thread); default 1–2. */
  REPORT_WORKERS: z.coerce
    .number()
    .int()
    .min(0)
    .max(8)
    .default(Math.min(2, Math.max(1, availableParallelism() - 1))),
  /**
   * Non-public addresses (IPs or CIDR ranges, comma separated) that outbound calls — provider APIs,
   * API-key callbacks, media — may reach. Empty (the default): public addresses only. See docs/security.md.
   */
  OUTBOUND_ALLOW_PRIVATE: z
    .string()
    .default('')
    .superRefine((v, ctx) => {
      try {
        privateAllowList(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: errorMessage(err) });
      }
    }),
  /**
   * Redis for running several nodes (docs/scale-out.md): Socket.IO events, presence, viewing/typing and
   * rate limits are shared through it. Absent (the default): one process, everything in memory.
   */
  REDIS_URL: optional.refine(
    (v) => v === undefined || /^rediss?:\/\//.test(v),
    'REDIS_URL must be redis:// or rediss://',
  ),
  /**
   * PostgreSQL as the system of record (docs/scale-out.md). Parsed so that it is never silently
   * ignored: the services cannot run on PostgreSQL yet, so a node given one refuses to start.
   */
  DATABASE_URL: optional.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    'DATABASE_URL must be postgres:// or postgresql://',
  ),
  /** Prefix of every Redis key, channel and stream Braid uses (several workspaces may share one Redis). */
  REDIS_PREFIX: z.string().min(1).default('braid:'),
  /** How long a node's presence heartbeat lives in Redis: its agents go offline this long after it dies (ms). */
  PRESENCE_TTL_MS: z.coerce.number().int().min(500).default(15_000),
  /** On SIGTERM/SIGINT, how long in-flight requests may take to finish before their connections are cut (ms). */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  /** Channel settings (TWILIO_*, META_*, TELEGRAM_*, LINE_*, SMTP_*, WIDGET_SECRET…), declared in each channel's folder. */
  ...CHANNEL_SETTINGS,
});

/** Parsed, typed process configuration. */
export type Config = z.infer<typeof ConfigSchema>;

/** Parse configuration from an environment map once at boot; throws a readable error when invalid. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
