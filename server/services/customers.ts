import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { customers, identities } from '#server/db/schema';
import type { Customer } from '#shared/schemas/customer';
import { canSeeThread, type Viewer } from '#server/domain/access';
import type { ServiceDeps } from './deps';
import { getCustomer, requireAccess, roomsOf, summarize, threadOfCustomer } from './threadQueries';
import { transact } from './tx';
import { NotFoundError } from '#server/errors';

/** Fields an agent may edit on a customer. */
export type CustomerPatch = Partial<Pick<Customer, 'name' | 'notes' | 'tags' | 'timeZone' | 'language' | 'tier'>>;

/** Edit a customer's profile and announce it to agents who can see their thread. */
export function updateCustomer(deps: ServiceDeps, viewer: Viewer, customerId: number, patch: CustomerPatch): Customer {
  return transact(deps, (tx, emit) => {
    const thread = threadOfCustomer(tx, customerId);
    const exists = tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).get();
    if (!exists) throw new NotFoundError(`customer ${customerId} not found`);
    if (thread) requireAccess(viewer, thread, 'customer');
    tx.update(customers)
      .set({ ...patch, updatedAt: deps.now() })
      .where(eq(customers.id, customerId))
      .run();
    const customer = getCustomer(tx, customerId);
    if (thread) {
      emit({ type: 'customer.updated', customer, threadId: thread.id }, roomsOf(thread), thread.id);
      if (patch.name !== undefined) {
        emit(
          { type: 'thread.updated', thread: summarize(tx, thread, deps.now()), reason: 'customer' },
          roomsOf(thread),
          thread.id,
        );
      }
    }
    return customer;
  });
}

/** Search live customers by name, identity address or display name (for merge and lookup). */
export function searchCustomers(
  deps: ServiceDeps,
  viewer: Viewer,
  q: string,
  limit = 20,
): Array<Customer & { threadId: number | null }> {
  const term = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const rows = deps.db
    .selectDistinct({ id: customers.id })
    .from(customers)
    .leftJoin(identities, eq(identities.customerId, customers.id))
    .where(
      and(
        isNull(customers.mergedIntoId),
        q
          ? or(
              sql`${customers.name} like ${term} escape '\\'`,
              sql`${identities.address} like ${term} escape '\\'`,
              sql`${identities.displayName} like ${term} escape '\\'`,
            )
          : undefined,
      ),
    )
    .limit(limit * 3)
    .all();
  const out: Array<Customer & { threadId: number | null }> = [];
  for (const { id } of rows) {
    const thread = threadOfCustomer(deps.db, id);
    if (thread && !canSeeThread(viewer, thread)) continue;
    out.push({ ...getCustomer(deps.db, id), threadId: thread?.id ?? null });
    if (out.length >= limit) break;
  }
  return out;
}
