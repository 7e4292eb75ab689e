import { z } from 'zod';

/** An optional setting: absent, empty or blank all mean "not set"; values are trimmed. */
export const optionalSetting = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** A provider base URL with its public default (tests and the simulator point it at a local stub). */
export function baseUrlSetting(defaultUrl: string) {
  return z.string().url().default(defaultUrl);
}
