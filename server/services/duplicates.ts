import { and, eq, isNull, ne } from 'drizzle-orm';
import { auditLog, customers } from '#server/db/schema';
import type { IdentityRow } from '#server/db/mappers';
import { statements } from '#server/db/statements';
import type { Viewer } from '#server/domain/access';
import { findDuplicates, nameKey, type DuplicateCandidate, type DuplicateReason } from '#server/domain/duplicates';
import { ConflictError, NotFoundError } from '#server/errors';
import { maskPhone } from '#shared/identityLabel';
import type { DuplicateSuggestion } from '#shared/schemas/customer';
import type { ServiceDeps } from './deps';
import { recordAudit } from './audit';
import { transact } from './tx';
import { canSeeCustomer } from './linkSuggestions';
import { getCustomer, requireAccess, threadOfCustomer, type Reader } from './threadQueries';

// Likely-duplicate suggestions for one customer (see domain/duplicates.ts for the rule). A dismissal
// is an agent's decision about a pair, recorded in the append-only audit log — one row on each
// customer ('customer.duplicate_dismissed', detail.otherCustomerId) — which is also where the list
// reads it back from (indexed by customer), so a dismissed pair never comes back.

/** Dismissal action recorded in the audit log. */
const DISMISSED = 'customer.duplicate_dismissed' as const;

function candidate(r: Reader, id: number, name: string): DuplicateCandidate {
  const rows: IdentityRow[] = statements(r).identitiesOfCustomer.all({ customerId: id });
  return {
    id,
    name,
    identities: rows.map((i) => ({
      channel: i.channel,
      phone: i.phone,
      email: i.email,
      handle: typeof i.meta.username === 'string' ? i.meta.username : null,
    })),
  };
}

/** The customers an agent said are not the same person as this one. */
function dismissedWith(r: Reader, customerId: number): Set<number> {
  const rows = r
    .select({ detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.customerId, customerId), eq(auditLog.action, DISMISSED)))
    .all();
  return new Set(rows.map((x) => Number(x.detail.otherCustomerId)));
}

// Agents see the reason's phone masked like in every list; they open the customer to see it whole.
function present(reason: DuplicateReason): DuplicateReason {
  return reason.kind === 'phone' ? { ...reason, value: maskPhone(reason.value) ?? reason.value } : reason;
}

/** A live customer the viewer may open (like GET /api/customers/:id), or throw. */
function openCustomer(r: Reader, viewer: Viewer, customerId: number) {
  const c = r.select().from(customers).where(eq(customers.id, customerId)).get();
  if (!c) throw new NotFoundError(`customer ${customerId} not found`);
  const thread = threadOfCustomer(r, customerId);
  if (thread) requireAccess(viewer, thread, 'customer');
  return c;
}

/**
 * Customers that look like the same person as this one, best first: the same name and an
 * overlapping contact fact, not merged away, not dismissed, and only those the viewer may open.
 * Names are compared after normalising (no index can do that), so this reads every live
 * customer's name once per call; it runs when an agent opens a customer, not on a hot path.
 */
export function listDuplicates(r: Reader, viewer: Viewer, customerId: number): DuplicateSuggestion[] {
  const me = openCustomer(r, viewer, customerId);
  if (me.mergedIntoId !== null) return [];
  const key = nameKey(me.name);
  const dismissed = dismissedWith(r, customerId);
  const sameName = r
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(isNull(customers.mergedIntoId), ne(customers.id, customerId)))
    .all()
    .filter((c) => !dismissed.has(c.id) && nameKey(c.name) === key && canSeeCustomer(r, viewer, c.id));
  const found = findDuplicates(
    candidate(r, me.id, me.name),
    sameName.map((c) => candidate(r, c.id, c.name)),
  );
  return found.map((m) => ({
    customer: getCustomer(r, m.id),
    threadId: threadOfCustomer(r, m.id)?.id ?? null,
    score: m.score,
    strength: m.strength,
    reasons: m.reasons.map(present),
  }));
}

/** An agent says the two are different people: recorded on both customers, never suggested again. */
export function dismissDuplicate(
  deps: ServiceDeps,
  viewer: Viewer,
  sessionHash: string | null,
  customerId: number,
  otherId: number,
): void {
  if (customerId === otherId) throw new ConflictError('a customer is not a duplicate of itself');
  transact(deps, (tx) => {
    openCustomer(tx, viewer, customerId);
    openCustomer(tx, viewer, otherId);
    const now = deps.now();
    for (const [a, b] of [
      [customerId, otherId],
      [otherId, customerId],
    ]) {
      if (dismissedWith(tx, a).has(b)) continue;
      recordAudit(
        tx,
        { actorId: viewer.id, sessionHash, action: DISMISSED, customerId: a, detail: { otherCustomerId: b } },
        now,
      );
    }
  });
}
