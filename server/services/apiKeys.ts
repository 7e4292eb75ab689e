import { randomBytes } from 'node:crypto';
import { sha256Hex } from '#server/domain/hash';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiKeys } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import type { ApiKey } from '#shared/schemas/agent';
import { statements } from '#server/db/statements';
import { NotFoundError } from '#server/errors';

function toApiKey(r: typeof apiKeys.$inferSelect): ApiKey {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    callbackUrl: r.callbackUrl,
    createdAt: r.createdAt,
    revokedAt: r.revokedAt,
  };
}

/** Create an API key; the full secret is returned once and only its hash is stored. */
export function createApiKey(
  db: Db,
  input: { name: string; callbackUrl: string | null },
  agentId: number,
  now: number,
) {
  const secret = `brd_${randomBytes(24).toString('base64url')}`;
  const row = db
    .insert(apiKeys)
    .values({
      name: input.name,
      prefix: secret.slice(0, 8),
      keyHash: sha256Hex(secret),
      callbackUrl: input.callbackUrl,
      createdBy: agentId,
      createdAt: now,
    })
    .returning()
    .get();
  return { key: toApiKey(row), secret };
}

/** All API keys (without secrets), newest first. */
export function listApiKeys(db: Db): ApiKey[] {
  return db.select().from(apiKeys).orderBy(desc(apiKeys.id)).all().map(toApiKey);
}

/** Revoke a key: requests with it are refused from now on. */
export function revokeApiKey(db: Db, id: number, now: number): void {
  const res = db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .run();
  if (res.changes === 0) throw new NotFoundError(`active API key ${id} not found`);
}

/** The live key matching a presented secret, or null. */
export function findApiKey(db: Db, secret: string): typeof apiKeys.$inferSelect | null {
  if (!secret.startsWith('brd_') || secret.length > 100) return null;
  return statements(db).liveApiKey.get({ keyHash: sha256Hex(secret) }) ?? null;
}

/** Look up a key by id (for delivering replies to its callback). */
export function getApiKey(db: Db, id: number): typeof apiKeys.$inferSelect | null {
  return db.select().from(apiKeys).where(eq(apiKeys.id, id)).get() ?? null;
}
