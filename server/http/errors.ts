import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import type { ErrorCode, ErrorResponse } from '#shared/errors';
import { AppError, codeForStatus, ConfirmationRequiredError } from '#server/errors';

/** Turn a ZodError into the `issues` list clients see. */
export function zodIssues(err: ZodError): Array<{ path: string; message: string }> {
  return err.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}

/** Answer an error in the one shape every client reads: `{ error, code, issues? }`. */
export function sendError(
  res: Response,
  status: number,
  error: string,
  code: ErrorCode = codeForStatus(status),
  issues?: ErrorResponse['issues'],
): void {
  const body: ErrorResponse = issues ? { error, code, issues } : { error, code };
  res.status(status).json(body);
}

/** Unknown routes answer 404 JSON. */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendError(res, 404, `no route for ${req.method} ${req.path}`, 'not_found');
};

/** Map every error to a clear JSON answer; never leak a stack trace. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) return;
  if (err instanceof ZodError) return sendError(res, 400, 'invalid request', 'invalid_request', zodIssues(err));
  if (err instanceof ConfirmationRequiredError) {
    const body: ErrorResponse = { error: err.message, code: err.code, confirm: err.confirm };
    return void res.status(err.status).json(body);
  }
  if (err instanceof AppError) return sendError(res, err.status, err.message, err.code);
  const status = statusOf(err);
  if (status >= 500) {
    console.error(`[http] ${req.method} ${req.path} failed:`, err);
    return sendError(res, 500, 'internal error', 'internal');
  }
  sendError(res, status, publicMessage(err, status));
};

/** Status of an error thrown by Express or its body parsers (they carry `type` and `status`). */
function statusOf(err: unknown): number {
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
