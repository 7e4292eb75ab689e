import type { CookieOptions } from 'express';

/** Name of the httpOnly session cookie. */
export const SESSION_COOKIE = 'braid_session';

/** Cookie options: httpOnly, SameSite=Lax, Secure when served over HTTPS. */
export function sessionCookieOptions(secure: boolean, maxAgeMs: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAgeMs };
}
