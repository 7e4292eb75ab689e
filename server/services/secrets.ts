import { createHmac, randomBytes } from 'node:crypto';
import { settings } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import { getSetting } from './settingsStore';

/**
 * Return the installation secret stored under `key`, generating and storing a random one the
 * first time. Concurrent first calls agree: the insert is ignored when another writer won.
 */
export function ensureSecret(db: Db, key: string): string {
  const existing = getSetting<unknown>(db, key, null);
  if (typeof existing === 'string' && existing.length >= 32) return existing;
  const fresh = randomBytes(32).toString('hex');
  db.insert(settings).values({ key, value: fresh }).onConflictDoNothing().run();
  const stored = getSetting<unknown>(db, key, fresh);
  return typeof stored === 'string' && stored.length >= 32 ? stored : fresh;
}

/**
 * A UUID (version-4 layout) derived from a secret and a label, so the same outbox row always gets
 * the same key (idempotent provider retries) while different installations never collide.
 */
export function stableUuid(secret: string, label: string): string {
  const b = createHmac('sha256', secret).update(label).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Key under which the per-installation secret for idempotency keys is stored. */
export const DELIVERY_SECRET_KEY = 'channels.deliverySecret';

/** Key under which the generated web-chat token secret is stored (when WIDGET_SECRET is unset). */
export const WIDGET_SECRET_KEY = 'channels.widgetSecret';
