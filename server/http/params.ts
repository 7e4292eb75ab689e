import { IdParamSchema } from '#shared/schemas/common';

/** A positive integer id from a route parameter; anything else is a 400 with the reason. */
export function idParam(raw: unknown): number {
  return IdParamSchema.parse(raw);
}
