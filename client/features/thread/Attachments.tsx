import { useTranslation } from 'react-i18next';
import type { Attachment } from '#shared/schemas/message';
import { Icon, type IconName } from '#client/components/Icon';

const ICON: Record<string, IconName> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  file: 'file',
  sticker: 'sticker',
  location: 'location',
  contact: 'contact',
};

function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, window.location.origin);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

function size(bytes: number | undefined, locale: string): string | null {
  if (bytes === undefined) return null;
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'narrow',
    maximumFractionDigits: v < 10 && i > 0 ? 1 : 0,
  }).format(v);
}

/** A recording's provider id is not a name: "Voicemail recording" instead of "voicemail-RE8f3…". */
function technicalName(a: Attachment): boolean {
  if (!a.name) return true;
  return /^voicemail-/i.test(a.name) || (!!a.providerMediaId && a.name.includes(a.providerMediaId));
}

function useHumanName(): (a: Attachment) => string | undefined {
  const { t } = useTranslation();
  return (a) => (!technicalName(a) ? a.name : a.kind === 'audio' ? t('traps.recording') : undefined);
}

/**
 * Attachments as chips: kind, name and size; a link only for http(s) URLs. Images are not
 * loaded inline, so opening a thread never pings a sender-controlled server; a customer's file
 * is downloaded through Braid (`proxyBase`), which guards the fetch.
 */
export function Attachments({ items, proxyBase }: { items: Attachment[]; proxyBase?: string }) {
  const { t, i18n } = useTranslation();
  const humanName = useHumanName();
  if (items.length === 0) return null;
  return (
    <ul className="attachments" aria-label={t('attachments.label', { count: items.length })}>
      {items.map((a, i) => {
        const href = safeUrl(a.url) && proxyBase ? `${proxyBase}/${i}` : safeUrl(a.url);
        const name = humanName(a) ?? t(`attachments.kind.${a.kind}`, { defaultValue: a.kind });
        const meta = [a.mimeType, size(a.size, i18n.language)].filter(Boolean).join(' · ');
        const body = (
          <>
            <Icon name={ICON[a.kind] ?? 'paperclip'} size={14} /> <span className="att-name">{name}</span>
            {meta && <span className="att-meta">{meta}</span>}
          </>
        );
        return (
          <li key={i} className="attachment">
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                {body}
              </a>
            ) : (
              <span title={a.providerMediaId ? t('attachments.notDownloaded') : undefined}>{body}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
