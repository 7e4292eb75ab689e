import { useTranslation } from 'react-i18next';
import type { Identity } from '#shared/schemas/customer';
import { ChannelIcon } from '#client/components/ChannelIcon';
import { Icon } from '#client/components/Icon';
import { useFormat } from '#client/i18n/format';

/** Every address the customer wrote from, per channel, with verified marks. */
export function Identities({ identities, customerName }: { identities: Identity[]; customerName?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (identities.length === 0) return <p className="muted small">{t('customer.noIdentities')}</p>;
  return (
    <ul className="identities" aria-label={t('customer.identities')}>
      {identities.map((i) => (
        <li key={i.id}>
          <ChannelIcon channel={i.channel} />
          <span className="id-address" title={i.address}>
            {i.displayName && i.displayName !== i.address && i.displayName !== customerName ? (
              <>
                {i.displayName} <span className="muted">{i.address}</span>
              </>
            ) : (
              i.address
            )}
          </span>
          {i.verified ? (
            <span className="verified" title={t('customer.verifiedHint')}>
              <Icon name="check" size={12} /> {t('customer.verified')}
            </span>
          ) : (
            <span className="unverified muted small">{t('customer.unverified')}</span>
          )}
          {i.lastInboundAt !== null && <span className="id-last muted small">{f.shortDate(i.lastInboundAt)}</span>}
        </li>
      ))}
    </ul>
  );
}
