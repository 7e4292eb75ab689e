import { useTranslation } from 'react-i18next';
import type { LinkSuggestion } from '#shared/schemas/customer';
import { useLinkSuggestionActions } from '#client/api/customers';
import { useIdentityText } from '#client/components/IdentityHint';

/**
 * Claimed links waiting for an agent: a web visitor or an integration gave the email or phone of
 * another customer. Nothing was linked; the agent links the two (a recorded, undoable merge) or
 * dismisses the suggestion.
 */
export function LinkSuggestions({ suggestions }: { suggestions: LinkSuggestion[] }) {
  const { t } = useTranslation();
  const { confirm, dismiss } = useLinkSuggestionActions();
  const text = useIdentityText();
  if (suggestions.length === 0) return null;
  const busy = confirm.isPending || dismiss.isPending;
  const error = confirm.error ?? dismiss.error;
  return (
    <section aria-labelledby="cp-claims" className="claims">
      <h3 id="cp-claims">{t('claims.heading')}</h3>
      <ul>
        {suggestions.map((s) => (
          <li key={s.id}>
            <p className="small">
              {t(s.matchedBy === 'email' ? 'claims.claimedEmail' : 'claims.claimedPhone', {
                claimant: s.claimant.name,
                suggested: s.suggested.name,
                address: text(s.identity).detail,
              })}
            </p>
            <p className="muted small">{t('claims.unproven')}</p>
            <div className="actions">
              <button type="button" className="small" disabled={busy} onClick={() => confirm.mutate(s.id)}>
                {t('claims.confirm')}
              </button>
              <button type="button" className="link small" disabled={busy} onClick={() => dismiss.mutate(s.id)}>
                {t('claims.dismiss')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error small">
          {error.message}
        </p>
      )}
    </section>
  );
}
