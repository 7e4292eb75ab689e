import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import { toQueryString, useMessageSearch, type QueryFields } from '#client/api/search';
import { navigate, useSearchParams } from '#client/router';
import { CustomerHits } from './CustomerHits';
import { ExportButton } from './ExportButton';
import { MessageHits } from './MessageHits';
import { FILTER_KEYS, SearchFilters } from './SearchFilters';
import { viewerTimeZone } from './viewerTimeZone';
import { LoadMore } from '#client/components/LoadMore';

type Tab = 'messages' | 'customers';

/**
 * The search page (/search): messages in any language with filters, or customers by name and
 * address; the text, tab and filters live in the address so a search can be shared or reloaded.
 */
export function SearchPage({ me }: { me: Agent }) {
  const { t } = useTranslation();
  const params = useSearchParams();
  const tab: Tab = params.get('tab') === 'customers' ? 'customers' : 'messages';
  const q = params.get('q') ?? '';
  const filters: QueryFields = {};
  for (const k of FILTER_KEYS) filters[k] = params.get(k) ?? '';
  const go = (next: { q?: string; tab?: Tab; filters?: QueryFields }) => {
    const fields = {
      ...(next.filters ?? filters),
      q: next.q ?? q,
      tab: (next.tab ?? tab) === 'customers' ? 'customers' : '',
    };
    navigate(`/search?${toQueryString(fields)}`, true);
  };
  const fields = { ...filters, q, tz: viewerTimeZone() };
  const search = useMessageSearch(tab === 'messages' ? fields : { q: '' });
  const hits = search.data?.pages.flatMap((p) => p.hits) ?? [];
  const canExport = hasRole(me.role, 'supervisor');
  const exportQs = toQueryString(fields);
  const convQs = toQueryString({ ...filters, tz: viewerTimeZone() });
  return (
    <main className="search-page" aria-labelledby="search-title">
      <h1 id="search-title" className="sr-only">
        {t('find.title')}
      </h1>
      <SearchForm key={q} initial={q} onSubmit={(text) => go({ q: text })} />
      <div role="tablist" className="search-tabs" aria-label={t('find.title')}>
        {(['messages', 'customers'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            aria-controls="search-panel"
            onClick={() => go({ tab: k })}
          >
            {t(`find.tabs.${k}`)}
          </button>
        ))}
      </div>
      <section id="search-panel" role="tabpanel" aria-label={t(`find.tabs.${tab}`)}>
        {tab === 'customers' ? (
          <CustomerHits q={q} />
        ) : (
          <>
            <SearchFilters value={filters} onChange={(next) => go({ filters: next })} />
            {canExport && (
              <div className="export-bar">
                {q.trim() !== '' && (
                  <ExportButton
                    href={`/api/exports/search?${exportQs}`}
                    label={t('exports.search')}
                    fallbackName="braid-search.csv"
                  />
                )}
                <ExportButton
                  href={`/api/exports/conversations?${convQs}`}
                  label={t('exports.conversations')}
                  fallbackName="braid-conversations.csv"
                />
              </div>
            )}
            {q.trim() === '' && <p className="muted pad-s">{t('find.hint')}</p>}
            {search.isError && (
              <p role="alert" className="error">
                {search.error.message}
              </p>
            )}
            {search.isFetching && hits.length === 0 && <p className="muted pad-s">{t('find.searching')}</p>}
            {q.trim() !== '' && search.isSuccess && hits.length === 0 && <p className="pad-s">{t('find.none')}</p>}
            <MessageHits hits={hits} />
            <LoadMore query={search} label={t('find.more')} />
          </>
        )}
      </section>
    </main>
  );
}

/** The search text box (its own state, reset whenever the address's text changes). */
function SearchForm({ initial, onSubmit }: { initial: string; onSubmit(text: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  return (
    <form
      className="search-form"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(text.trim());
      }}
    >
      <input
        type="search"
        aria-label={t('find.label')}
        placeholder={t('find.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoFocus={initial === ''}
      />
      <button type="submit" className="primary">
        {t('find.submit')}
      </button>
    </form>
  );
}
