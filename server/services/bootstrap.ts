import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import { agents } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import { createAgent } from './agents';

/** Result of first-start setup: the admin's email and, when generated, the one-time password. */
export interface BootstrapResult {
  created: boolean;
  email: string;
  generatedPassword: string | null;
}

/**
 * On an empty database, create the first admin from ADMIN_EMAIL / ADMIN_PASSWORD, or with a
 * generated password that the caller prints once. Does nothing when agents exist.
 */
export async function ensureAdmin(
  db: Db,
  email: string,
  password: string | undefined,
  now: number,
): Promise<BootstrapResult> {
  const n = db.select({ n: count() }).from(agents).get()?.n ?? 0;
  if (n > 0) return { created: false, email, generatedPassword: null };
  const generated = password ? null : randomBytes(12).toString('base64url');
  await createAgent(
    db,
    {
      email,
      name: 'Administrator',
      role: 'admin',
      password: password ?? (generated as string),
      locale: 'en',
      capacity: 10,
      teamIds: [],
    },
    now,
  );
  return { created: true, email, generatedPassword: generated };
}
