import { useTranslation } from 'react-i18next';
import { defaultReplyIdentity, isReplyable } from '#shared/replyTarget';
import type { Identity } from '#shared/schemas/customer';
import { useChannelLabel } from '#client/components/ChannelIcon';
import { useIdentityText, type IdentityText } from '#client/components/IdentityHint';

const named = (x: IdentityText) => (x.name ? `${x.name} (${x.detail})` : x.detail);

/** The identity a reply goes to by default: the server's rule (never voicemail, never an unverified claim). */
export function defaultIdentity(identities: Identity[]): Identity | undefined {
  return defaultReplyIdentity(identities);
}

/** Visible "Reply via" selector over the customer's identities (verified ones marked). */
export function IdentityPicker({
  identities,
  customerName,
  value,
  onChange,
}: {
  identities: Identity[];
  customerName: string;
  value: number | undefined;
  onChange(id: number): void;
}) {
  const { t } = useTranslation();
  const label = useChannelLabel();
  const text = useIdentityText();
  if (identities.length === 0) return <span className="muted small">{t('composer.noChannel')}</span>;
  return (
    <label className="via">
      <span>{t('composer.via')}</span>
      <select value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
        {identities.map((i) => (
          <option key={i.id} value={i.id}>
            {/* A voicemail number is answered by SMS: say where the reply really goes. */}
            {label(isReplyable(i.channel) ? i.channel : 'sms')} · {named(text(i, customerName))}
            {i.verified ? ' ✓' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
