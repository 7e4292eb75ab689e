import { z } from 'zod';
import { ConfirmationSchema, type Confirmation } from '#shared/errors';

/** A failed API call, with the server's message, field issues, code and what to confirm (409 `confirmation_required`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: Array<{ path: string; message: string }> = [],
    readonly code: string | null = null,
    readonly confirm: Confirmation | null = null,
  ) {
    super(message);
  }
}

/**
 * What an error answer may say (`{ error, code, issues?, confirm? }`), read leniently: a field of
 * another shape, or a body that is not a JSON object, reads as absent.
 */
const ErrorBodySchema = z.object({
  error: z.string().optional().catch(undefined),
  code: z.string().optional().catch(undefined),
  issues: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .catch(undefined),
  confirm: ConfirmationSchema.optional().catch(undefined),
});

/** The readable parts of an error answer's body (also for raw `fetch` answers, such as CSV exports). */
export function errorBody(json: unknown): z.infer<typeof ErrorBodySchema> {
  const body = ErrorBodySchema.safeParse(json);
  return body.success ? body.data : {};
}

let csrfToken: string | null = null;

/** Remember the session's CSRF token (from /api/auth/me or login). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Options for one API call. */
export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Call the Braid API and parse the answer with the shared schema (the one definition of the shape). */
export async function api<S extends z.ZodType>(path: string, schema: S, opts: ApiOptions = {}): Promise<z.infer<S>> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    credentials: 'same-origin',
    signal: opts.signal,
  });
  const text = await res.text();
  const json: unknown = text ? safeJson(text) : null;
  if (!res.ok) {
    const err = errorBody(json);
    throw new ApiError(res.status, err.error ?? res.statusText, err.issues, err.code ?? null, err.confirm ?? null);
  }
  return schema.parse(json);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Upload a file as the raw request body (with the CSRF header) and parse the answer. */
export async function uploadFile<S extends z.ZodType>(path: string, file: Blob, schema: S): Promise<z.infer<S>> {
  const res = await fetch(path, {
    method: 'POST',
    headers: {
      'content-type': file.type || 'application/octet-stream',
      ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    },
    body: file,
    credentials: 'same-origin',
  });
  const json: unknown = safeJson(await res.text());
  if (!res.ok) throw new ApiError(res.status, errorBody(json).error ?? res.statusText);
  return schema.parse(json);
}
