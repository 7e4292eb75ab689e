import { InvalidCursorError } from '#server/errors';

/** Encode a keyset position (sort key, id) as an opaque URL-safe string. */
export function encodeCursor(pos: [number, number]): string {
  return Buffer.from(JSON.stringify(pos)).toString('base64url');
}

/** Decode a cursor made by encodeCursor; throws InvalidCursorError on anything else. */
export function decodeCursor(cursor: string): [number, number] {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('invalid cursor');
  }
  if (!Array.isArray(v) || v.length !== 2 || !v.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    throw new InvalidCursorError('invalid cursor');
  }
  return [v[0], v[1]];
}
