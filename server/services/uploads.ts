import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { uploads } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import type { Attachment } from '#shared/schemas/message';

const TOKEN_RE = /^[A-Za-z0-9_-]{32,64}$/;

/** Folder where uploaded files live. */
export function uploadsDir(dataDir: string): string {
  return resolve(dataDir, 'uploads');
}

/** Kind of attachment a MIME type is shown as. */
export function attachmentKind(mime: string): string {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  return 'file';
}

/** Store an uploaded file and return its attachment with an unguessable public URL under `baseUrl`. */
export function storeUpload(
  db: Db,
  dataDir: string,
  baseUrl: string,
  file: { name: string; mimeType: string; bytes: Buffer },
  agentId: number,
  now: number,
): Attachment {
  const token = randomBytes(24).toString('base64url');
  const dir = uploadsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, token), file.bytes, { flag: 'wx' });
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
  const name = file.name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'file';
  db.insert(uploads)
    .values({ token, name, mimeType: file.mimeType, size: file.bytes.length, createdBy: agentId, createdAt: now })
    .run();
  return {
    kind: attachmentKind(file.mimeType),
    url: `${baseUrl}/files/${token}/${encodeURIComponent(name)}`,
    name,
    mimeType: file.mimeType,
    size: file.bytes.length,
  };
}

/** Look up an upload by its token (null for anything malformed or unknown). */
export function findUpload(db: Db, dataDir: string, token: string) {
  if (!TOKEN_RE.test(token)) return null;
  const row = db.select().from(uploads).where(eq(uploads.token, token)).get();
  return row ? { ...row, path: join(uploadsDir(dataDir), token) } : null;
}

/** The local file behind one of our own upload URLs (for attaching it to an email), or null. */
export function localUploadFor(db: Db, dataDir: string, url: string | undefined) {
  const m = url ? /\/files\/([A-Za-z0-9_-]{32,64})\//.exec(url) : null;
  return m ? findUpload(db, dataDir, m[1]) : null;
}
