import { and, eq, inArray, or } from 'drizzle-orm';
import { customers, identities, identitySuggestions } from '#server/db/schema';
import { toIdentity } from '#server/db/mappers';
import { canSeeThread, type Viewer } from '#server/domain/access';
import { ConflictError, NotFoundError } from '#server/errors';
import type { LinkSuggestion, MergeRecord } from '#shared/schemas/customer';
import type { ServiceDeps } from './deps';
import { mergeCustomers } from './merge';
import { threadOfCustomer, type Reader } from './threadQueries';

/** Whether the viewer may see this customer's thread (a customer without one is nobody's secret). */
export function canSeeCustomer(r: Reader, viewer: Viewer, customerId: number): boolean {
  const t = threadOfCustomer(r, customerId);
  return !t || canSeeThread(viewer, t);
}

/**
 * Open link suggestions that involve the customer, either as the claimant (their unverified identity
 * claimed someone's email or phone) or as the customer suggested; only those whose other customer the
 * viewer may also see, so a suggestion never reveals a thread of another team.
 */
export function listLinkSuggestions(r: Reader, viewer: Viewer, customerId: number): LinkSuggestion[] {
  const rows = r
    .select({ s: identitySuggestions, identity: identities })
    .from(identitySuggestions)
    .innerJoin(identities, eq(identities.id, identitySuggestions.identityId))
    .where(
      and(
        eq(identitySuggestions.status, 'open'),
        or(eq(identitySuggestions.customerId, customerId), eq(identities.customerId, customerId)),
      ),
    )
    .all();
  const ids = [...new Set(rows.flatMap((x) => [x.s.customerId, x.identity.customerId]))];
  const names = new Map(
    ids.length === 0
      ? []
      : r
          .select({ id: customers.id, name: customers.name, mergedIntoId: customers.mergedIntoId })
          .from(customers)
          .where(inArray(customers.id, ids))
          .all()
          .map((c) => [c.id, c]),
  );
  return rows
    .filter(({ s, identity }) => {
      const a = names.get(identity.customerId);
      const b = names.get(s.customerId);
      // Already one customer (merged some other way), or one side merged away: nothing left to decide.
      if (!a || !b || identity.customerId === s.customerId || a.mergedIntoId !== null || b.mergedIntoId !== null)
        return false;
      return canSeeCustomer(r, viewer, identity.customerId) && canSeeCustomer(r, viewer, s.customerId);
    })
    .map(({ s, identity }) => ({
      id: s.id,
      matchedBy: s.matchedBy,
      identity: toIdentity(identity),
      claimant: { id: identity.customerId, name: names.get(identity.customerId)!.name },
      suggested: { id: s.customerId, name: names.get(s.customerId)!.name },
      createdAt: s.createdAt,
    }));
}

function openSuggestion(deps: ServiceDeps, viewer: Viewer, id: number) {
  const row = deps.db
    .select({ s: identitySuggestions, customerId: identities.customerId })
    .from(identitySuggestions)
    .innerJoin(identities, eq(identities.id, identitySuggestions.identityId))
    .where(eq(identitySuggestions.id, id))
    .get();
  if (!row || !canSeeCustomer(deps.db, viewer, row.customerId) || !canSeeCustomer(deps.db, viewer, row.s.customerId))
    throw new NotFoundError(`link suggestion ${id} not found`);
  if (row.s.status !== 'open') throw new ConflictError(`link suggestion ${id} was already ${row.s.status}`);
  return row;
}

function decide(deps: ServiceDeps, viewer: Viewer, id: number, status: 'confirmed' | 'dismissed'): void {
  deps.db
    .update(identitySuggestions)
    .set({ status, decidedBy: viewer.id, decidedAt: deps.now() })
    .where(eq(identitySuggestions.id, id))
    .run();
}

/**
 * An agent confirms a claimed link: the claimant customer is merged into the suggested one (recorded,
 * undoable like any merge). The claiming identity stays unverified, so replies still go to the
 * customer's verified identities unless an agent picks it.
 */
export function confirmLinkSuggestion(deps: ServiceDeps, viewer: Viewer, id: number): MergeRecord {
  const row = openSuggestion(deps, viewer, id);
  const merged = mergeCustomers(deps, viewer, row.s.customerId, row.customerId);
  decide(deps, viewer, id, 'confirmed');
  return merged;
}

/** An agent says the claim is not that customer: the suggestion is closed and never shown again. */
export function dismissLinkSuggestion(deps: ServiceDeps, viewer: Viewer, id: number): void {
  openSuggestion(deps, viewer, id);
  decide(deps, viewer, id, 'dismissed');
}
