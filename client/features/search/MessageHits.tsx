import { useTranslation } from 'react-i18next';
import type { SearchHit } from '#shared/schemas/search';
import { ChannelIcon } from '#client/components/ChannelIcon';
import { useFormat } from '#client/i18n/format';
import { AppLink } from '#client/components/AppLink';
import { Snippet } from './Snippet';

/** The address that opens a thread scrolled to one message, highlighted. */
export function messageHref(threadId: number, messageId: number): string {
  return `/t/${threadId}?m=${messageId}`;
}

/** Found messages: who, where and when, the highlighted snippet; a click opens the thread at that message. */
export function MessageHits({ hits }: { hits: SearchHit[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ol className="search-hits" aria-label={t('find.results')}>
      {hits.map((h) => {
        const href = messageHref(h.threadId, h.messageId);
        return (
          <li key={h.messageId} className={`search-hit dir-${h.direction}`}>
            <AppLink to={href} title={t('find.openHit', { name: h.customerName })}>
              <span className="hit-head">
                {h.channel && <ChannelIcon channel={h.channel} />}
                <strong className="hit-name" dir="auto">
                  {h.customerName}
                </strong>
                <span className="muted small">{t(`find.direction.${h.direction}`)}</span>
                <time className="muted small" dateTime={new Date(h.at).toISOString()}>
                  {f.dateTime(h.at)}
                </time>
              </span>
              <Snippet text={h.snippet} highlights={h.highlights} />
            </AppLink>
          </li>
        );
      })}
    </ol>
  );
}
