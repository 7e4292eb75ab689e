import { useTranslation } from 'react-i18next';
import type { Customer, DuplicateSuggestion } from '#shared/schemas/customer';
import { useDismissDuplicate, useDuplicates } from '#client/api/customers';
import { AppLink } from '#client/components/AppLink';
import { IdentityHint } from '#client/components/IdentityHint';

/** "Same name, and the same mailbox piotrnowak@gmail.com" in the UI language. */
function useWhy(): (s: DuplicateSuggestion) => string {
  const { t } = useTranslation();
  return (s) =>
    t('duplicates.sameName', {
      reasons: s.reasons.map((r) => t(`duplicates.reason.${r.kind}`, { value: r.value })).join(', '),
    });
}

/**
 * Other customers who are likely this same person (the same name and an overlapping phone, email
 * or handle): the agent reviews a merge (the ordinary, undoable merge) or says they are different
 * people, after which the pair is never suggested again.
 */
export function DuplicateSuggestions({ customerId, onMerge }: { customerId: number; onMerge(c: Customer): void }) {
  const { t } = useTranslation();
  const why = useWhy();
  const list = useDuplicates(customerId);
  const dismiss = useDismissDuplicate(customerId);
  const items = list.data ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="cp-dups" className="claims duplicates">
      <h3 id="cp-dups">{t('duplicates.heading')}</h3>
      <ul>
        {items.map((s) => (
          <li key={s.customer.id}>
            <p className="small">
              <strong dir="auto">{s.customer.name}</strong> <IdentityHint hint={s.customer.hint} />
            </p>
            <p className={`small dup-${s.strength}`}>{t(`duplicates.${s.strength}`)}</p>
            <p className="muted small">{why(s)}</p>
            <div className="actions">
              <button type="button" className="small" disabled={dismiss.isPending} onClick={() => onMerge(s.customer)}>
                {t('duplicates.merge')}
              </button>
              <button
                type="button"
                className="link small"
                disabled={dismiss.isPending}
                onClick={() => dismiss.mutate(s.customer.id)}
              >
                {t('duplicates.dismiss')}
              </button>
              {s.threadId !== null && (
                <AppLink className="small" to={`/t/${s.threadId}`}>
                  {t('duplicates.open')}
                </AppLink>
              )}
            </div>
          </li>
        ))}
      </ul>
      {dismiss.error && (
        <p role="alert" className="error small">
          {dismiss.error.message}
        </p>
      )}
    </section>
  );
}
