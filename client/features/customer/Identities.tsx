import { useTranslation } from 'react-i18next';
import type { Identity } from '#shared/schemas/customer';
import { ChannelIcon } from '#client/components/ChannelIcon';
import { Icon } from '#client/components/Icon';
import { useIdentityText, type IdentityText } from '#client/components/IdentityHint';
import { useFormat } from '#client/i18n/format';

function IdentityName({ text }: { text: IdentityText }) {
  return (
    <span className="id-address" title={text.title}>
      {text.name ? (
        <>
          <span dir="auto">{text.name}</span> <span className="muted">{text.detail}</span>
        </>
      ) : (
        text.detail
      )}
    </span>
  );
}

/** Every address the customer wrote from, per channel, with verified marks. */
export function Identities({ identities, customerName }: { identities: Identity[]; customerName?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const text = useIdentityText();
  if (identities.length === 0) return <p className="muted small">{t('customer.noIdentities')}</p>;
  return (
    <ul className="identities" aria-label={t('customer.identities')}>
      {identities.map((i) => (
        <li key={i.id}>
          <ChannelIcon channel={i.channel} />
          <IdentityName text={text(i, customerName)} />
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
