import { eq } from 'drizzle-orm';
import { customers, identities, identitySuggestions } from '#server/db/schema';
import type { IdentityRow } from '#server/db/mappers';
import type { NormalizedAddress } from '#server/domain/address';
import { placeholderName, resolveCustomer } from '#server/domain/identity';
import type { NormalizedInbound } from '#server/domain/inbound';
import type { Tx } from './tx';
import { statements } from '#server/db/statements';
import { ingestStatements } from '#server/db/ingestStatements';

/**
 * Find or create the identity (and customer) for the sender, following the documented match order.
 * Contact facts the sender only claimed (`from.claimed`: a pre-chat email, an integration's phone)
 * never link to another customer: the identity stays on its own customer, unverified, and each
 * customer whose verified identity carries the same phone or email is recorded as a link suggestion.
 */
export function resolveIdentity(tx: Tx, input: NormalizedInbound, addr: NormalizedAddress, now: number): IdentityRow {
  const st = statements(tx);
  const claimed = input.from.claimed === true && (addr.phone !== null || addr.email !== null);
  const exact = st.identityExact.get({ channel: input.channel, address: addr.address });
  const samePhone = addr.phone ? st.identitiesByPhone.all({ phone: addr.phone }) : [];
  const sameEmail = addr.email ? st.identitiesByEmail.all({ email: addr.email }) : [];
  const decision = resolveCustomer({
    exact: exact ? { id: exact.id, customerId: exact.customerId } : null,
    samePhone: claimed ? [] : samePhone,
    sameEmail: claimed ? [] : sameEmail,
  });
  let identity: IdentityRow;
  if (decision.kind === 'existing-identity' && exact) {
    upgradePlaceholderName(tx, exact.customerId, input, addr, now);
    const fill: Partial<IdentityRow> = {};
    if (!exact.displayName && input.from.displayName) fill.displayName = input.from.displayName;
    if (!exact.email && addr.email) fill.email = addr.email;
    if (!exact.phone && addr.phone) fill.phone = addr.phone;
    if (claimed && (fill.email || fill.phone)) fill.verified = false;
    identity =
      Object.keys(fill).length === 0
        ? exact
        : tx.update(identities).set(fill).where(eq(identities.id, exact.id)).returning().get();
  } else {
    if (decision.kind === 'link-to-customer') upgradePlaceholderName(tx, decision.customerId, input, addr, now);
    const customerId =
      decision.kind === 'link-to-customer'
        ? decision.customerId
        : ingestStatements(tx).insertCustomer.get({ name: displayNameFor(input, addr), now })!.id;
    identity = ingestStatements(tx).insertIdentity.get({
      customerId,
      channel: input.channel,
      address: addr.address,
      displayName: input.from.displayName ?? null,
      phone: addr.phone,
      email: addr.email,
      verified: !claimed,
      meta: identityMeta(input),
      now,
    })!;
  }
  if (claimed) suggestLinks(tx, identity, { phone: samePhone, email: sameEmail }, now);
  return identity;
}

/** Record each other customer a claimed phone/email points at as a suggestion (once per pair). */
function suggestLinks(
  tx: Tx,
  identity: IdentityRow,
  matches: Record<'phone' | 'email', Array<{ customerId: number }>>,
  now: number,
): void {
  for (const matchedBy of ['email', 'phone'] as const) {
    for (const m of matches[matchedBy]) {
      if (m.customerId === identity.customerId) continue;
      tx.insert(identitySuggestions)
        .values({ identityId: identity.id, customerId: m.customerId, matchedBy, status: 'open', createdAt: now })
        .onConflictDoNothing()
        .run();
    }
  }
}

/** A new identity keeps the transport and the reply facts its channel declared (used when no message has them). */
function identityMeta(input: NormalizedInbound): Record<string, unknown> {
  return { transport: input.transport, ...(input.replyFacts ?? {}) };
}

function displayNameFor(input: NormalizedInbound, addr: NormalizedAddress): string {
  const name = input.from.displayName?.trim();
  return name && name.length > 0 ? name.slice(0, 200) : placeholderName(input.channel, addr.address);
}

function isPlaceholderOf(name: string, ids: Array<{ channel: IdentityRow['channel']; address: string }>): boolean {
  return ids.some((i) => name === i.address || name === placeholderName(i.channel, i.address));
}

/** A customer first seen without a name is named after their address; use a real name once one arrives. */
function upgradePlaceholderName(
  tx: Tx,
  customerId: number,
  input: NormalizedInbound,
  addr: NormalizedAddress,
  now: number,
): void {
  const name = input.from.displayName?.trim();
  if (!name) return;
  const st = statements(tx);
  const c = st.customerName.get({ id: customerId });
  if (!c) return;
  if (c.name === addr.address || isPlaceholderOf(c.name, st.identitiesOfCustomer.all({ customerId }))) {
    tx.update(customers)
      .set({ name: name.slice(0, 200), updatedAt: now })
      .where(eq(customers.id, customerId))
      .run();
  }
}
