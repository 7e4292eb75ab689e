import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { InvalidAddressError } from '#server/domain/address';
import { InvalidCursorError } from '#server/domain/cursor';
import { ConflictError, ForbiddenError, NotFoundError } from '#server/services/threadQueries';

/** An error that carries its own HTTP status and public message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Turn a ZodError into the `issues` list clients see. */
export function zodIssues(err: ZodError): Array<{ path: string; message: string }> {
  return err.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}

/** Unknown routes answer 404 JSON. */
export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ error: `no route for ${req.method} ${req.path}` });
};

/** Map every error to a clear JSON answer; never leak a stack trace. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) return;
  const status = statusOf(err);
  if (err instanceof ZodError) {
    res.status(400).json({ error: 'invalid request', issues: zodIssues(err) });
    return;
  }
  if (status >= 500) {
    console.error(`[http] ${req.method} ${req.path} failed:`, err);
    res.status(500).json({ error: 'internal error' });
    return;
  }
  res.status(status).json({ error: publicMessage(err, status) });
};

function statusOf(err: unknown): number {
  if (err instanceof ZodError) return 400;
  if (err instanceof HttpError) return err.status;
  if (err instanceof NotFoundError) return 404;
  if (err instanceof ForbiddenError) return 403;
  if (err instanceof ConflictError) return 409;
  if (err instanceof InvalidCursorError || err instanceof InvalidAddressError) return 400;
  const e = err as { type?: string; status?: number; statusCode?: number };
  if (e?.type === 'entity.too.large') return 413;
  if (e?.type === 'entity.parse.failed' || e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return 400;
  const s = e?.status ?? e?.statusCode;
  return typeof s === 'number' && s >= 400 && s < 600 ? s : 500;
}

function publicMessage(err: unknown, status: number): string {
  const e = err as { type?: string; message?: string };
  if (e?.type === 'entity.too.large') return 'request body too large';
  if (e?.type === 'entity.parse.failed') return 'malformed request body';
  return e?.message && status < 500 ? e.message : 'request failed';
}
