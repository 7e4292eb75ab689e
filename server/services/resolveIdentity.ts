import { eq } from 'drizzle-orm';
import { customers, identities } from '#server/db/schema';
import type { IdentityRow } from '#server/db/mappers';
import type { NormalizedAddress } from '#server/domain/address';
import { placeholderName, resolveCustomer } from '#server/domain/identity';
import type { NormalizedInbound } from '#server/domain/inbound';
import type { Tx } from './tx';
import { statements } from '#server/db/statements';

/** Find or create the identity (and customer) for the sender, following the documented match order. */
export function resolveIdentity(tx: Tx, input: NormalizedInbound, addr: NormalizedAddress, now: number): IdentityRow {
  const st = statements(tx);
  const exact = st.identityExact.get({ channel: input.channel, address: addr.address });
  const samePhone = addr.phone ? st.identitiesByPhone.all({ phone: addr.phone }) : [];
  const sameEmail = addr.email ? st.identitiesByEmail.all({ email: addr.email }) : [];
  const decision = resolveCustomer({
    exact: exact ? { id: exact.id, customerId: exact.customerId } : null,
    samePhone,
    sameEmail,
  });
  if (decision.kind === 'existing-identity' && exact) {
    upgradePlaceholderName(tx, exact.customerId, input, addr, now);
    const fill: Partial<IdentityRow> = {};
    if (!exact.displayName && input.from.displayName) fill.displayName = input.from.displayName;
    if (!exact.email && addr.email) fill.email = addr.email;
    if (!exact.phone && addr.phone) fill.phone = addr.phone;
    if (Object.keys(fill).length === 0) return exact;
    return tx.update(identities).set(fill).where(eq(identities.id, exact.id)).returning().get();
  }
  if (decision.kind === 'link-to-customer') upgradePlaceholderName(tx, decision.customerId, input, addr, now);
  const customerId =
    decision.kind === 'link-to-customer'
      ? decision.customerId
      : tx
          .insert(customers)
          .values({ name: displayNameFor(input, addr), createdAt: now, updatedAt: now })
          .returning({ id: customers.id })
          .get().id;
  return tx
    .insert(identities)
    .values({
      customerId,
      channel: input.channel,
      address: addr.address,
      displayName: input.from.displayName ?? null,
      phone: addr.phone,
      email: addr.email,
      verified: input.channel !== 'webchat',
      meta: identityMeta(input),
      createdAt: now,
    })
    .returning()
    .get();
}

/** A new identity keeps the transport and the reply facts its channel declared (used when no message has them). */
function identityMeta(input: NormalizedInbound): Record<string, unknown> {
  return { transport: input.transport, ...(input.replyFacts ?? {}) };
}

function displayNameFor(input: NormalizedInbound, addr: NormalizedAddress): string {
  const name = input.from.displayName?.trim();
  return name && name.length > 0 ? name.slice(0, 200) : placeholderName(input.channel, addr.address);
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
  const c = tx.select({ name: customers.name }).from(customers).where(eq(customers.id, customerId)).get();
  const placeholders = tx
    .select({ channel: identities.channel, address: identities.address })
    .from(identities)
    .where(eq(identities.customerId, customerId))
    .all()
    .flatMap((i) => [i.address, placeholderName(i.channel, i.address)]);
  if (c && (placeholders.includes(c.name) || c.name === addr.address)) {
    tx.update(customers)
      .set({ name: name.slice(0, 200), updatedAt: now })
      .where(eq(customers.id, customerId))
      .run();
  }
}
