import { useTranslation } from 'react-i18next';
import type { ChannelKind } from '#shared/channels';
import type { Identity } from '#shared/schemas/customer';
import { useChannelLabel } from '#client/components/ChannelIcon';

/** The identity a reply goes to by default: the last one the customer wrote from. */
export function defaultIdentity(identities: Identity[], lastChannel: ChannelKind | null): Identity | undefined {
  const recent = [...identities].sort((a, b) => (b.lastInboundAt ?? 0) - (a.lastInboundAt ?? 0));
  return recent.find((i) => i.channel === lastChannel) ?? recent[0];
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
  if (identities.length === 0) return <span className="muted small">{t('composer.noChannel')}</span>;
  return (
    <label className="via">
      <span>{t('composer.via')}</span>
      <select value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
        {identities.map((i) => (
          <option key={i.id} value={i.id}>
            {label(i.channel)} ·{' '}
            {i.displayName && i.displayName !== i.address && i.displayName !== customerName
              ? `${i.displayName} (${i.address})`
              : i.address}
            {i.verified ? ' ✓' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
