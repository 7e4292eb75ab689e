import { asc, sql } from 'drizzle-orm';
import { customers, episodes, identities } from './schema';
import { preparedPerDb } from './statements';

// What a page of threads needs besides its rows (SLA badges and customer hints), read for the
// whole page in one statement each, the ids bound as one JSON array (`:ids`), so neither the
// number of rows nor of ids changes the SQL: prepared once, no per-row reads, no IN-list limits.

const ids = sql`(select value from json_each(${sql.placeholder('ids')}))`;

/** The page statements of the database behind a handle or transaction. */
export const pageStatements = preparedPerDb((db) => ({
  identitiesOfCustomers: db
    .select()
    .from(identities)
    .where(sql`${identities.customerId} in ${ids}`)
    .orderBy(asc(identities.customerId), asc(identities.id))
    .prepare(),
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
