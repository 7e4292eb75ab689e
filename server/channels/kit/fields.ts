import { createHash, timingSafeEqual } from 'node:crypto';
import type { InboundAttachment } from '#server/domain/inbound';

/**
 * Small, total helpers shared by the provider modules. Provider payloads are untrusted JSON, so
 * every accessor here returns `undefined` instead of throwing when a field has the wrong shape.
 */

/** A plain JSON object (not null, not an array). */
export type JsonRecord = Record<string, unknown>;

/** True when the value is a plain object we can read fields from. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field as an object, or undefined when it is missing or not an object. */
export function rec(value: unknown): JsonRecord | undefined {
  return isRecord(value) ? value : undefined;
}

/** The value as a non-empty string; finite numbers and bigints are stringified (ids arrive as either). */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

/** The value as a string, keeping the empty string (for message bodies that may legitimately be empty). */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value as a finite number; numeric strings are accepted because several providers send them. */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** The value as an array, or an empty array when it is anything else. */
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Seconds since epoch (number or numeric string) as milliseconds, or null when absent/invalid. */
export function secondsToMs(value: unknown): number | null {
  const seconds = num(value);
  return seconds === undefined || seconds <= 0 ? null : Math.round(seconds * 1000);
}

/** Milliseconds since epoch (number or numeric string), or null when absent/invalid. */
export function msOrNull(value: unknown): number | null {
  const ms = num(value);
  return ms === undefined || ms <= 0 ? null : Math.round(ms);
}

/**
 * Constant-time string comparison that never throws: both sides are hashed first so inputs of
 * different lengths compare in the same time and `timingSafeEqual` always gets equal-size buffers.
 */
export function safeEqual(expected: string, actual: string): boolean {
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(actual, 'utf8').digest();
  return timingSafeEqual(a, b) && expected.length === actual.length;
}

/** Maps a MIME type to the attachment kind Braid shows. */
export function kindFromMime(mime: unknown): InboundAttachment['kind'] {
  // Parsers hand over `false` or other non-strings for headers they could not read.
  const major = (typeof mime === 'string' ? mime : '').toLowerCase().split('/')[0];
  if (major === 'image') return 'image';
  if (major === 'audio') return 'audio';
  if (major === 'video') return 'video';
  return 'file';
}

/** An HTTP request a provider module wants the outbox to perform (the caller does the I/O). */
export interface OutboundRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

/** Copy of an object without its undefined-valued keys (keeps stored meta tidy). */
export function compact<T extends Record<string, unknown>>(meta: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/** Removes a trailing slash so `${base}/path` never doubles it. */
export function trimBase(base: string): string {
  return base.replace(/\/+$/, '');
}
