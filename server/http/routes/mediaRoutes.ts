import { Router } from 'express';
import { z } from 'zod';
import { fetchInboundMedia } from '#server/channels/media';
import { authOf } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { FetchTooLargeError, HttpError, SafeFetchError, UnsafeUrlError } from '#server/errors';

const Params = z.object({ id: z.coerce.number().int().positive(), index: z.coerce.number().int().min(0).max(50) });
const INLINE = /^(image\/(png|jpeg|gif|webp)|audio\/(mpeg|ogg|mp4|amr|wav)|video\/mp4)$/;

/** Agents download customers' attachments through Braid (guarded fetch; never a raw customer URL). */
export function mediaRoutes(ctx: AppContext, allowHosts?: (host: string) => boolean): Router {
  const r = Router();
  r.get('/messages/:id/attachments/:index', async (req, res) => {
    const { id, index } = Params.parse(req.params);
    let file;
    try {
      file = await fetchInboundMedia(ctx.deps.db, ctx.config, ctx.registry, authOf(req).viewer, id, index, allowHosts);
    } catch (err) {
      if (err instanceof UnsafeUrlError)
        throw new HttpError(422, 'the attachment points at an address Braid will not fetch');
      if (err instanceof FetchTooLargeError) throw new HttpError(413, 'the attachment is larger than 25 MB');
      if (err instanceof SafeFetchError) throw new HttpError(502, `could not fetch the attachment: ${err.message}`);
      throw err;
    }
    if (file.status >= 400) throw new HttpError(502, `the provider answered ${file.status} for this attachment`);
    const type = (file.contentType ?? 'application/octet-stream').split(';')[0].trim();
    const inline = INLINE.test(type);
    res.set({
      'Content-Type': inline ? type : 'application/octet-stream',
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}${file.name ? `; filename*=UTF-8''${encodeURIComponent(file.name)}` : ''}`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, max-age=3600',
    });
    res.send(file.body);
  });
  return r;
}
