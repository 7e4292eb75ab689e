import { z } from 'zod';
import { cannedResponses } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import { LOCALES } from '#shared/schemas/agent';
import canned from './canned.json' with { type: 'json' };

/** Canned responses the demo ships, each in English, Thai, Polish and Chinese ({{first_name}}, {{agent}} filled in). */
const DEMO_CANNED = z
  .array(
    z.object({
      shortcut: z.string(),
      variants: z.record(z.enum(LOCALES), z.tuple([z.string(), z.string()])), // [title, body]
    }),
  )
  .parse(canned);

/** Insert the demo's canned responses (all four languages of each shortcut). */
export function seedDemoCanned(db: Db, now: number, createdBy: number | null): void {
  for (const c of DEMO_CANNED) {
    for (const [language, [title, body]] of Object.entries(c.variants)) {
      db.insert(cannedResponses)
        .values({ shortcut: c.shortcut, language, title, body, createdBy, createdAt: now })
        .run();
    }
  }
}
