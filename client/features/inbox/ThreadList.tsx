import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Agent } from '#shared/schemas/agent';
import type { ThreadSummary } from '#shared/schemas/thread';
import { ROW_HEIGHT, ThreadRow } from './ThreadRow';

/** What the workspace can ask of the list (keyboard navigation). */
export interface ThreadListHandle {
  scrollToIndex(index: number): void;
}

/**
 * The live list of conversations for one view, virtualised: only the rows on screen exist in
 * the DOM, and the next keyset page loads as the agent nears the end.
 */
export function ThreadList(p: {
  items: ThreadSummary[];
  total: number | undefined;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  selectedId: number | null;
  agents: Map<number, Agent>;
  myId: number;
  label: string;
  handle?: Ref<ThreadListHandle>;
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: p.items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => p.items[i]?.id ?? i,
    overscan: 10,
  });
  useImperativeHandle(p.handle, () => ({ scrollToIndex: (i) => v.scrollToIndex(i, { align: 'auto' }) }), [v]);
  const rows = v.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;
  const { hasMore, loadingMore, loadMore } = p;
  useEffect(() => {
    if (hasMore && !loadingMore && lastShown >= p.items.length - 15) loadMore();
  }, [hasMore, loadingMore, loadMore, lastShown, p.items.length]);

  return (
    <section className="thread-list" aria-label={p.label}>
      <div className="thread-list-scroll" ref={scroller}>
        {p.loading && <p className="muted pad">{t('app.loading')}</p>}
        {!p.loading && p.items.length === 0 && <p className="muted pad empty">{t('list.empty')}</p>}
        <ul role="list" aria-label={t('list.label')} style={{ height: v.getTotalSize(), position: 'relative' }}>
          {rows.map((r) => {
            const thread = p.items[r.index];
            return (
              <li
                key={r.key}
                aria-setsize={p.total ?? -1}
                aria-posinset={r.index + 1}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${r.start}px)`,
                }}
              >
                <ThreadRow
                  thread={thread}
                  selected={thread.id === p.selectedId}
                  assignee={thread.assigneeId !== null ? p.agents.get(thread.assigneeId) : undefined}
                  myId={p.myId}
                />
              </li>
            );
          })}
        </ul>
        {p.loadingMore && (
          <p className="muted pad small" role="status">
            {t('list.loadingMore')}
          </p>
        )}
      </div>
    </section>
  );
}
