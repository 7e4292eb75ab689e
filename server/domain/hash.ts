import { createHash } from 'node:crypto';

/** Hex SHA-256 of a string: how session ids and API keys are stored (never the secret itself). */
export function sha256Hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
