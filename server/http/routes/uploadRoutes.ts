import express, { Router } from 'express';
import { z } from 'zod';
import { findUpload, storeUpload } from '#server/services/uploads';
import { authOf, requireAuth } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { HttpError } from '#server/errors';

const UploadQuerySchema = z.object({ name: z.string().trim().min(1).max(200) });
const MAX_UPLOAD = '20mb';

/** Agents upload files to attach (raw body); anyone with the unguessable link can fetch them (providers must). */
export function uploadRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db, now } = ctx.deps;
  const dataDir = ctx.config.DATA_DIR;
  r.post('/api/uploads', requireAuth(db, now), express.raw({ type: () => true, limit: MAX_UPLOAD }), (req, res) => {
    const { name } = UploadQuerySchema.parse(req.query);
    const bytes = req.body as Buffer;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw new HttpError(400, 'empty upload');
    const mimeType =
      (req.get('content-type') ?? 'application/octet-stream').split(';')[0].trim().slice(0, 100) ||
      'application/octet-stream';
    const base = ctx.config.PUBLIC_URL?.replace(/\/$/, '') ?? `${req.protocol}://${req.get('host')}`;
    res.status(201).json(storeUpload(db, dataDir, base, { name, mimeType, bytes }, authOf(req).agent.id, now()));
  });
  r.get('/files/:token/:name', (req, res) => {
    const file = findUpload(db, dataDir, req.params.token);
    if (!file) throw new HttpError(404, 'no such file');
    const inline = /^image\/(png|jpeg|gif|webp)$/.test(file.mimeType);
    res.set({
      'Content-Type': inline ? file.mimeType : 'application/octet-stream',
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, max-age=86400',
    });
    res.sendFile(file.path);
  });
  return r;
}
