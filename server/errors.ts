import type { Confirmation, ErrorCode } from '#shared/errors';

/**
 * Every error class the server throws on purpose, in one module. Each carries the HTTP status and
 * the stable `code` its answer gets, so the error handler never guesses. Plain classes with no
 * imports beyond shared/: the pure domain may throw them too.
 */

/** Base class: an expected failure with a status, a stable code and a message safe to show. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number = 500,
    readonly code: ErrorCode = 'internal',
  ) {
    super(message);
    this.name = new.target.name;
  }
}

type AppErrorClass = new (message: string, status?: number, code?: ErrorCode) => AppError;

/** A base class for one kind of error (below `Base`): its status and code are fixed. */
function kind(status: number, code: ErrorCode, Base: AppErrorClass = AppError): AppErrorClass {
  return class extends Base {
    constructor(message: string) {
      super(message, status, code);
    }
  };
}

/** A request the HTTP layer refuses with a given status (code derived from the status unless given). */
export class HttpError extends AppError {
  constructor(status: number, message: string, code: ErrorCode = codeForStatus(status)) {
    super(message, status, code);
  }
}

/** A requested row does not exist, or the viewer may not know it exists (404). */
export class NotFoundError extends kind(404, 'not_found') {}

/** The request is understood but not allowed in the current state (409). */
export class ConflictError extends kind(409, 'conflict') {}

/** The action needs the agent's confirmation first: a colleague's thread, or a colleague replied meanwhile (409). */
export class ConfirmationRequiredError extends AppError {
  constructor(
    message: string,
    readonly confirm: Confirmation,
  ) {
    super(message, 409, 'confirmation_required');
  }
}

/** The agent may not act on this thread, customer or setting (403). */
export class ForbiddenError extends kind(403, 'forbidden') {}

/** An address cannot be understood for its channel (400; ingest skips such messages). */
export class InvalidAddressError extends kind(400, 'bad_request') {}

/** A client sent a list cursor the server did not make (400). */
export class InvalidCursorError extends kind(400, 'bad_request') {}

/** Base class of every refusal or failure raised by the guarded media fetch (502 unless narrower). */
export class SafeFetchError extends kind(502, 'upstream_failed') {}

/** The URL (or a redirect target) is not http(s) or resolves to a non-public address (422). */
export class UnsafeUrlError extends kind(422, 'unfetchable_url', SafeFetchError) {}

/** The response body is larger than the caller's limit (413). */
export class FetchTooLargeError extends kind(413, 'payload_too_large', SafeFetchError) {}

/** The code an answer with this status gets when nothing more specific is known. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 422:
      return 'unfetchable_url';
    case 429:
      return 'rate_limited';
    case 502:
      return 'upstream_failed';
    default:
      return status >= 500 ? 'internal' : 'bad_request';
  }
}

/** The message of anything thrown: an Error's own message, anything else as text. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
