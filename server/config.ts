import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

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
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  BODY_LIMIT: z.string().default('1mb'),
  /** Secret for signing web-chat visitor tokens; generated and stored in the database when absent. */
  WIDGET_SECRET: optional,
  TWILIO_ACCOUNT_SID: optional,
  TWILIO_AUTH_TOKEN: optional,
  TWILIO_FROM_NUMBER: optional,
  TWILIO_WHATSAPP_FROM: optional,
  TWILIO_API_BASE: z.string().url().default('https://api.twilio.com'),
  META_APP_SECRET: optional,
  META_VERIFY_TOKEN: optional,
  META_ACCESS_TOKEN: optional,
  META_PHONE_NUMBER_ID: optional,
  META_GRAPH_BASE: z.string().url().default('https://graph.facebook.com'),
  TELEGRAM_BOT_TOKEN: optional,
  TELEGRAM_SECRET_TOKEN: optional,
  TELEGRAM_API_BASE: z.string().url().default('https://api.telegram.org'),
  LINE_CHANNEL_SECRET: optional,
  LINE_CHANNEL_ACCESS_TOKEN: optional,
  LINE_API_BASE: z.string().url().default('https://api.line.me'),
  SUPPORT_ADDRESSES: optional,
  SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  SMTP_HOST: z.string().default('0.0.0.0'),
  /** Outbound mail transport, e.g. smtp://user:pass@smtp.example.com:587. */
  SMTP_URL: optional,
  SMTP_FROM: optional,
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
