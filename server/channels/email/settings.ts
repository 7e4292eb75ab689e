import { z } from 'zod';
import type { Config } from '#server/config';
import { optionalSetting } from '#server/settingFields';

/**
 * Email's settings: the support mailboxes the inbound SMTP listener accepts mail for, where it
 * listens, and the outbound transport (SMTP_URL) and sender replies use.
 */
export const emailSettings = {
  SUPPORT_ADDRESSES: optionalSetting,
  SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  SMTP_HOST: z.string().default('0.0.0.0'),
  /** Outbound mail transport, e.g. smtp://user:pass@smtp.example.com:587. */
  SMTP_URL: optionalSetting,
  SMTP_FROM: optionalSetting,
};

/** Configured support mailboxes, lower-cased. */
export function supportAddresses(config: Pick<Config, 'SUPPORT_ADDRESSES'>): string[] {
  return (config.SUPPORT_ADDRESSES ?? '')
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a.includes('@'));
}
