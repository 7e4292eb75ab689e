import type { ErrorCode } from '#shared/errors';

/**
 * Every error class the server throws on purpose, in one module. Each carries the HTTP status and
 * the stable `code` its answer gets, so the error handler never guesses. Plain classes with no
 * imports beyond shared/: the pure domain may throw them too.
 */

/** Base class: an expected failure with a status, a stable code and a message safe to show. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A request the HTTP layer refuses with a given status (code derived from the status unless given). */
export class HttpError extends AppError {
  constructor(status: number, message: string, code: ErrorCode = codeForStatus(status)) {
    super(status, code, message);
  }
}

/** A requested row does not exist, or the viewer may not know it exists (404). */
export class NotFoundError extends AppError {
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}

/** The request is understood but not allowed in the current state (409). */
export class ConflictError extends AppError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

/** The agent may not act on this thread, customer or setting (403). */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}

/** An address cannot be understood for its channel (400; ingest skips such messages). */
export class InvalidAddressError extends AppError {
  constructor(message: string) {
    super(400, 'bad_request', message);
  }
}

/** A client sent a list cursor the server did not make (400). */
export class InvalidCursorError extends AppError {
  constructor(message: string) {
    super(400, 'bad_request', message);
  }
}

/** Base class of every refusal or failure raised by the guarded media fetch (502 unless narrower). */
export class SafeFetchError extends AppError {
  constructor(message: string, status = 502, code: ErrorCode = 'upstream_failed') {
    super(status, code, message);
  }
}

/** The URL (or a redirect target) is not http(s) or resolves to a non-public address (422). */
export class UnsafeUrlError extends SafeFetchError {
  constructor(message: string) {
    super(message, 422, 'unfetchable_url');
  }
}

/** The response body is larger than the caller's limit (413). */
export class FetchTooLargeError extends SafeFetchError {
  constructor(message: string) {
    super(message, 413, 'payload_too_large');
  }
}

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
