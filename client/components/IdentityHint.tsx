import { useTranslation } from 'react-i18next';
import { hasOpaqueAddress } from '#shared/channels';
import type { IdentityHint as Hint, Identity } from '#shared/schemas/customer';
import { useMe } from '#client/api/auth';
import { useFormat } from '#client/i18n/format';
import { useChannelLabel } from './ChannelIcon';

/**
 * How a hint reads in the UI language: a masked phone, an email or a handle as given, else the kind
 * of contact ("Web chat visitor · since 2 Dec", "LINE user") — never a raw provider id.
 */
export function useHintLabel(): (hint: Hint) => string {
  const { t } = useTranslation();
  const f = useFormat();
  const channel = useChannelLabel();
  return (h) => {
    if (h.text) return h.text;
    const dated = h.since !== null;
    const date = dated ? f.shortDate(h.since!) : '';
    if (h.kind === 'visitor') return dated ? t('identity.visitor', { date }) : t('identity.visitorUndated');
    return dated
      ? t('identity.user', { channel: channel(h.channel), date })
      : t('identity.userUndated', { channel: channel(h.channel) });
  };
}

/** The distinguishing hint shown next to a customer's name in every list (or nothing without one). */
export function IdentityHint({
  hint,
  className = 'id-hint muted small',
}: {
  hint: Hint | null | undefined;
  className?: string;
}) {
  const label = useHintLabel();
  if (!hint) return null;
  // Phones and emails are left-to-right whatever the surrounding text's direction.
  return (
    <span className={className} dir={hint.kind === 'phone' || hint.kind === 'email' ? 'ltr' : 'auto'}>
      {label(hint)}
    </span>
  );
}

/** One identity as named on screen: its own display name (when it adds something) and the address or label. */
export interface IdentityText {
  name: string | null;
  detail: string;
  /** Tooltip: the full address, or for an opaque provider id, that id for admins only. */
  title?: string;
}

/**
 * How one identity is named on the customer's own screens (panel, reply selector, claims): phones
 * and emails in full, opaque provider ids replaced by the hint label ("Web chat visitor · since
 * 2 Dec", "LINE user"). The raw id is offered only to admins, as a tooltip.
 */
export function useIdentityText(): (i: Identity, customerName?: string) => IdentityText {
  const label = useHintLabel();
  const { t } = useTranslation();
  const admin = useMe().data?.agent.role === 'admin';
  return (i, customerName) => {
    const name = i.displayName && i.displayName !== i.address && i.displayName !== customerName ? i.displayName : null;
    if (!hasOpaqueAddress(i.channel)) return { name, detail: i.address, title: i.address };
    const fallback: Hint = {
      kind: i.channel === 'webchat' ? 'visitor' : 'user',
      channel: i.channel,
      text: null,
      since: null,
    };
    return {
      name,
      detail: label(i.hint ?? fallback),
      title: admin ? t('identity.rawId', { id: i.address }) : undefined,
    };
  };
}
