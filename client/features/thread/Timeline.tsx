import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Icon } from '#client/components/Icon';
import { MessageItem } from './MessageItem';
import { PendingItem, type PendingActions } from './PendingItem';
import { ChannelSwitch, DayDivider, EpisodeDivider } from './TimelineDividers';
import type { SystemLookup } from './systemText';
import type { TimelineRow } from './timelineRows';

/** What the thread can ask of its timeline. */
export interface TimelineHandle {
  scrollToEnd(): void;
}

function estimate(row: TimelineRow | undefined): number {
  if (!row) return 60;
  if (row.kind === 'day' || row.kind === 'switch') return 34;
  if (row.kind === 'episode') return 48;
  if (row.kind === 'message' && row.message.direction === 'system') return 28;
  const text = row.kind === 'message' ? row.message.text : row.send.variables.text;
  return 62 + Math.min(12, Math.floor(text.length / 70)) * 20;
}

/**
 * A thread's whole history, virtualised and anchored to the end: it opens at the newest message,
 * keeps the message you are reading still when older pages are prepended or new ones arrive,
 * and follows new messages only while you are at the bottom.
 */
export function Timeline(p: {
  rows: TimelineRow[];
  customerName: string;
  names: SystemLookup;
  myId: number;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder(): void;
  pendingActions: PendingActions;
  handle?: Ref<TimelineHandle>;
  /** A message to scroll to and highlight (opened from a search hit); older pages load until it is found. */
  focusId?: number | null;
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const { rows } = p;
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => estimate(rows[i]),
    getItemKey: (i) => rows[i]?.key ?? i,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: 80,
    overscan: 6,
  });
  useImperativeHandle(p.handle, () => ({ scrollToEnd: () => v.scrollToEnd() }), [v]);
  useLayoutEffect(() => {
    v.scrollToEnd();
  }, [v]);
  useStayAtEndOnResize(scroller);
  // Paging older history only starts once the first paint has settled at the bottom.
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    const id = requestAnimationFrame(() => setArmed(true));
    return () => cancelAnimationFrame(id);
  }, []);
  const items = v.getVirtualItems();
  const firstShown = items[0]?.index ?? 0;
  const { hasOlder, loadingOlder, loadOlder } = p;
  useEffect(() => {
    if (armed && hasOlder && !loadingOlder && firstShown <= 3) loadOlder();
  }, [armed, hasOlder, loadingOlder, loadOlder, firstShown]);

  const focused = useScrollToMessage(v, rows, p.focusId ?? null, { hasOlder, loadingOlder, loadOlder });

  // Count messages that arrived below while the agent reads further up.
  const atEnd = v.isAtEnd(80);
  const lastKey = rows.at(-1)?.key;
  const seenLast = useRef(lastKey);
  const [unseen, setUnseen] = useState(0);
  useEffect(() => {
    if (atEnd) setUnseen(0);
    else if (lastKey !== seenLast.current && rows.at(-1)?.kind === 'message') setUnseen((n) => n + 1);
    seenLast.current = lastKey;
  }, [lastKey, atEnd, rows]);

  return (
    <div className="timeline-wrap">
      {hasOlder && (firstShown <= 3 || loadingOlder) && (
        <div className="older-bar">
          <button type="button" className="link small" onClick={loadOlder} disabled={loadingOlder}>
            {loadingOlder ? t('thread.loadingOlder') : t('thread.loadOlder')}
          </button>
        </div>
      )}
      <div className="timeline" ref={scroller} tabIndex={0} role="region" aria-label={t('thread.messages')}>
        <ol aria-label={t('thread.timeline')} style={{ height: v.getTotalSize(), position: 'relative' }}>
          {items.map((it) => {
            const row = rows[it.index];
            return (
              <li
                key={it.key}
                data-index={it.index}
                ref={v.measureElement}
                className={`row row-${row.kind}${row.kind === 'message' && row.message.id === focused ? ' row-focus' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${it.start}px)` }}
              >
                {row.kind === 'day' && <DayDivider ts={row.ts} />}
                {row.kind === 'episode' && (
                  <EpisodeDivider ended={row.ended} started={row.started} startedAt={row.startedAt} />
                )}
                {row.kind === 'switch' && <ChannelSwitch from={row.from} to={row.to} />}
                {row.kind === 'message' && (
                  <MessageItem message={row.message} customerName={p.customerName} names={p.names} myId={p.myId} />
                )}
                {row.kind === 'pending' && <PendingItem send={row.send} actions={p.pendingActions} />}
              </li>
            );
          })}
        </ol>
        {rows.length === 0 && <p className="muted pad">{t('thread.noMessages')}</p>}
      </div>
      {!atEnd && unseen > 0 && (
        <button type="button" className="new-below" onClick={() => v.scrollToEnd({ behavior: 'smooth' })}>
          <Icon name="arrowDown" size={14} /> {t('thread.newBelow', { count: unseen })}
        </button>
      )}
    </div>
  );
}

/** Pages of older history loaded at most while looking for a focused message. */
const MAX_FOCUS_PAGES = 40;

/**
 * Bring one message into view, centred: load older pages until it is among the rows (bounded),
 * then scroll to it once. Returns the id to highlight once it has been reached.
 */
function useScrollToMessage(
  v: { scrollToIndex(i: number, o: { align: 'center' }): void },
  rows: TimelineRow[],
  focusId: number | null,
  older: { hasOlder: boolean; loadingOlder: boolean; loadOlder(): void },
): number | null {
  const [reached, setReached] = useState<number | null>(null);
  const aimed = useRef<number | null>(null);
  const pages = useRef(0);
  const { hasOlder, loadingOlder, loadOlder } = older;
  useEffect(() => {
    if (focusId === null || aimed.current === focusId) return;
    const index = rows.findIndex((r) => r.kind === 'message' && r.message.id === focusId);
    if (index >= 0) {
      aimed.current = focusId;
      v.scrollToIndex(index, { align: 'center' });
      // Rows above are measured as they render: aim again once they are, then highlight.
      requestAnimationFrame(() => {
        v.scrollToIndex(index, { align: 'center' });
        setReached(focusId);
      });
      return;
    }
    if (hasOlder && !loadingOlder && pages.current < MAX_FOCUS_PAGES) {
      pages.current++;
      loadOlder();
    }
  }, [v, rows, focusId, hasOlder, loadingOlder, loadOlder]);
  return reached;
}

/**
 * When the viewport itself changes height (a line appears in the header above it once its data
 * arrives), keep the newest message in view if it was: the virtualizer anchors its rows, not the box.
 */
function useStayAtEndOnResize(scroller: { current: HTMLDivElement | null }): void {
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let last = el.clientHeight;
    const ro = new ResizeObserver(() => {
      const h = el.clientHeight;
      if (h !== last && el.scrollHeight - el.scrollTop - last < 80) el.scrollTop = el.scrollHeight;
      last = h;
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [scroller]);
}
