import { useTranslation } from 'react-i18next';
import { useCustomerSearch } from '#client/api/customers';
import { ChannelIcon } from '#client/components/ChannelIcon';
import { IdentityHint } from '#client/components/IdentityHint';
import { AppLink } from '#client/components/AppLink';

/** The customers tab: customers by name, phone, email or handle, each opening their conversation. */
export function CustomerHits({ q }: { q: string }) {
  const { t } = useTranslation();
  const search = useCustomerSearch(q);
  const hits = (search.data ?? []).filter((c) => c.threadId !== null && c.mergedIntoId === null);
  if (q.trim().length < 2) return <p className="muted pad-s">{t('find.customersHint')}</p>;
  if (search.isSuccess && hits.length === 0) return <p className="pad-s">{t('find.customersNone')}</p>;
  return (
    <ul className="search-hits" aria-label={t('find.tabs.customers')}>
      {hits.map((c) => (
        <li key={c.id} className="search-hit">
          <AppLink to={`/t/${c.threadId}`}>
            <span className="hit-head">
              <strong className="hit-name" dir="auto">
                {c.name}
              </strong>
              {[...new Set(c.identities.map((x) => x.channel))].map((ch) => (
                <ChannelIcon key={ch} channel={ch} />
              ))}
              <IdentityHint hint={c.hint} className="muted small" />
            </span>
          </AppLink>
        </li>
      ))}
    </ul>
  );
}
