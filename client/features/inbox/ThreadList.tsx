import { useTranslation } from 'react-i18next';
import type { Agent } from '../../../shared/schemas/agent';
import type { ThreadFilters } from '../../api/queryKeys';
import { useThreadList } from '../../api/threads';
import { ThreadRow } from './ThreadRow';

/** The live list of conversations for one view. */
export function ThreadList({ filters, selectedId, me }: { filters: ThreadFilters; selectedId: number | null; me: Agent }) {
  const { t } = useTranslation();
  const q = useThreadList(filters);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="thread-list" aria-label={t('list.label')}>
      {q.isPending && <p className="muted pad">{t('app.loading')}</p>}
      {!q.isPending && items.length === 0 && <p className="muted pad">{t('list.empty')}</p>}
      <ul role="list">
        {items.map((thread) => (
          <ThreadRow key={thread.id} thread={thread} selected={thread.id === selectedId} locale={me.locale} />
        ))}
      </ul>
      {q.hasNextPage && (
        <button type="button" className="link pad" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
          {q.isFetchingNextPage ? t('list.loadingMore') : '↓'}
        </button>
      )}
    </section>
  );
}
