import { sql } from 'drizzle-orm';
import type { ChannelKind } from '#shared/channels';
import { customers, episodes } from './schema';
import { preparedPerDb } from './statements';

// What a page of threads needs besides its rows (SLA badges and customer hints), read for the
// whole page in one statement each, the ids bound as one JSON array (`:ids`), so neither the
// number of rows nor of ids changes the SQL: prepared once, no per-row reads, no IN-list limits.

const ids = sql`(select value from json_each(${sql.placeholder('ids')}))`;

/** The page statements of the database behind a handle or transaction. */
export const pageStatements = preparedPerDb((db) => ({
  // What a customer hint is made from (shared/identityLabel.ts), as HintSourceRow arrays: of the
  // channel facts only the provider's username is read, and only when it is a JSON string.
  hintSourcesOfCustomers: db.$client
    .prepare<{ ids: string }, HintSourceRow>(
      `select customer_id, channel, address, phone, email, verified,
         case when json_type(meta, '$.username') = 'text' then json_extract(meta, '$.username') end,
         created_at, last_inbound_at
       from identities where customer_id in (select value from json_each(:ids)) order by customer_id, id`,
    )
    .raw(true),
  tiersOfCustomers: db
    .select({ id: customers.id, tier: customers.tier })
    .from(customers)
    .where(sql`${customers.id} in ${ids}`)
    .prepare(),
  episodesByIds: db
    .select()
    .from(episodes)
    .where(sql`${episodes.id} in ${ids}`)
    .prepare(),
}));

/** One identity of hintSourcesOfCustomers: customer id, channel, address, phone, email, verified (0/1), username, created, last inbound. */
export type HintSourceRow = [
  number,
  ChannelKind,
  string,
  string | null,
  string | null,
  number,
  string | null,
  number,
  number | null,
];
