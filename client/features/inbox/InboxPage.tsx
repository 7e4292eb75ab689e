import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { useThreadCounts } from '#client/api/threads';
import { useAgents, useTeams } from '#client/api/directory';
import { useThreadList } from '#client/api/threads';
import { useRealtime } from '#client/realtime/RealtimeProvider';
import { navigate, threadIdFromPath, usePath, useSearch } from '#client/router';
import { useHotkeys } from '#client/features/keyboard/useHotkeys';
import { ThreadCommandsProvider, useThreadCommands } from '#client/features/keyboard/threadCommands';
import { useAlertPrefs } from '#client/features/notifications/useAlertPrefs';
import { useMessageAlerts, useTabTitle } from '#client/features/notifications/useMessageAlerts';
import { LeadAlerts } from '#client/features/notifications/LeadAlerts';
import { RouteBoundary } from '#client/components/ErrorBoundary';
import { SettingsPane } from '#client/features/settings/SettingsPane';
import { SearchPage } from '#client/features/search/SearchPage';
import { ThreadView } from '#client/features/thread/ThreadView';
import { MonitorView } from '#client/features/thread/MonitorView';
import { WhisperToast } from '#client/features/thread/WhisperToast';
import { BoardPage } from '#client/features/board/BoardPage';
import { WallBoard } from '#client/features/board/WallBoard';
import type { SearchHandle } from './CustomerSearch';
import { ListHeader } from './ListHeader';
import { Sidebar } from './Sidebar';
import { ThreadList, type ThreadListHandle } from './ThreadList';
import { Topbar } from './Topbar';
import { useInboxView } from './useInboxView';
import { usePanelOpen } from './usePanelOpen';
import { useWorkspaceCommands } from './useWorkspaceCommands';
import { viewCount, viewFilters } from './views';

const CommandPalette = lazy(() => import('#client/features/keyboard/CommandPalette'));
const ShortcutHelp = lazy(() => import('#client/features/keyboard/ShortcutHelp'));
const ReportsPage = lazy(() => import('#client/features/reports/ReportsPage'));

/** The agent's workspace: views with live counts, the virtual thread list, the open thread. */
export function InboxPage({ me }: { me: Agent }) {
  return (
    <ThreadCommandsProvider>
      <Workspace me={me} />
    </ThreadCommandsProvider>
  );
}

function Workspace({ me }: { me: Agent }) {
  const path = usePath();
  const query = useSearch();
  const threadId = threadIdFromPath(path);
  // /t/:id?monitor=1: a lead's read-only monitor view (the server refuses anyone else).
  const monitor = new URLSearchParams(query).get('monitor') === '1';
  const { view, sort, setView, setSort } = useInboxView();
  const filters = viewFilters(view, sort);
  const list = useThreadList(filters);
  const counts = useThreadCounts().data;
  const agentList = useAgents().data;
  const teams = useTeams().data ?? [];
  const agents = useMemo(() => new Map((agentList ?? []).map((a) => [a.id, a])), [agentList]);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const [panelOpen, togglePanel] = usePanelOpen();
  const [overlay, setOverlay] = useState<'help' | 'palette' | null>(null);
  const alerts = useAlertPrefs();
  const listRef = useRef<ThreadListHandle>(null);
  const search = useRef<SearchHandle>(null);
  const thread = useThreadCommands();
  useMessageAlerts(me, threadId, alerts.muted);
  useFollowMerges(threadId);
  useEffect(() => {
    // Fetch the split-off dialogs once the workspace is idle, so they open at once when asked for.
    const timer = setTimeout(() => {
      void import('#client/features/keyboard/CommandPalette');
      void import('#client/features/keyboard/ShortcutHelp');
      void import('#client/features/customer/MergeDialog');
    }, 3_000);
    return () => clearTimeout(timer);
  }, []);
  useTabTitle(counts?.unreadMine);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const step = (delta: number) => {
    if (items.length === 0) return;
    const at = items.findIndex((x) => x.id === threadId);
    const next = Math.max(0, Math.min(items.length - 1, at === -1 ? 0 : at + delta));
    if (next >= items.length - 3 && hasNextPage && !isFetchingNextPage) loadMore();
    navigate(`/t/${items[next].id}`);
    listRef.current?.scrollToIndex(next);
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`.thread-row[data-thread-id="${items[next].id}"]`)?.focus(),
    );
  };
  const openHelp = () => setOverlay('help');
  const commands = useWorkspaceCommands({
    me,
    teams,
    setView,
    muted: alerts.muted,
    setMuted: alerts.setMuted,
    openHelp,
    hasThread: threadId !== null,
  });
  useHotkeys({
    j: () => step(1),
    k: () => step(-1),
    r: () => thread()?.reply(),
    n: () => thread()?.note(),
    e: () => thread()?.resolve(),
    a: () => thread()?.take(),
    i: () => thread()?.toggleCustomer(),
    '/': () => search.current?.focus(),
    '?': openHelp,
    'mod+k': () => setOverlay((o) => (o === 'palette' ? null : 'palette')),
  });

  const settings = path.startsWith('/settings/');
  const reports = path === '/reports';
  const board = path === '/board';
  const viewLabel = useViewLabel(view, teams);
  if (path === '/board/wall') return <WallBoard search={query} />;
  return (
    <div className="workspace">
      <Topbar
        me={me}
        search={search}
        muted={alerts.muted}
        setMuted={alerts.setMuted}
        permission={alerts.permission}
        requestPermission={alerts.requestPermission}
        openHelp={openHelp}
        openPalette={() => setOverlay('palette')}
      />
      <Sidebar
        me={me}
        view={view}
        onSelect={(v) => {
          setView(v);
          if (settings || reports || board || path === '/search') navigate('/');
        }}
      />
      {reports ? (
        <RouteBoundary resetKey={path}>
          <Suspense fallback={null}>
            <ReportsPage me={me} teams={teams} />
          </Suspense>
        </RouteBoundary>
      ) : settings ? (
        <SettingsPane me={me} teams={teams} path={path} />
      ) : board ? (
        <BoardPage me={me} search={query} />
      ) : path === '/search' ? (
        <SearchPage me={me} />
      ) : (
        <>
          <div className="list-pane">
            <ListHeader label={viewLabel} count={viewCount(view, counts)} sort={sort} setSort={setSort} />
            <ThreadList
              items={items}
              total={viewCount(view, counts)}
              loading={list.isPending}
              hasMore={hasNextPage}
              loadingMore={isFetchingNextPage}
              loadMore={loadMore}
              selectedId={threadId}
              agents={agents}
              myId={me.id}
              label={viewLabel}
              handle={listRef}
            />
          </div>
          <main className="thread-pane">
            <RouteBoundary resetKey={threadId}>
              {threadId !== null && monitor ? (
                <MonitorView key={`monitor:${threadId}`} threadId={threadId} me={me} />
              ) : threadId !== null ? (
                <ThreadView
                  key={threadId}
                  threadId={threadId}
                  me={me}
                  panelOpen={panelOpen}
                  togglePanel={togglePanel}
                />
              ) : (
                <EmptyThread />
              )}
            </RouteBoundary>
          </main>
        </>
      )}
      <LeadAlerts me={me} />
      <WhisperToast me={me} />
      <Suspense fallback={null}>
        {overlay === 'palette' && <CommandPalette commands={commands} onClose={() => setOverlay(null)} />}
        {overlay === 'help' && <ShortcutHelp onClose={() => setOverlay(null)} />}
      </Suspense>
    </div>
  );
}

function EmptyThread() {
  const { t } = useTranslation();
  return (
    <div className="center empty-thread">
      <p className="muted">{t('thread.select')}</p>
      <p className="muted small">{t('thread.selectHint')}</p>
    </div>
  );
}

function useViewLabel(view: string, teams: Array<{ id: number; name: string }>): string {
  const { t } = useTranslation();
  if (view === 'mine' || view === 'unassigned' || view === 'all') return t(`views.${view}`);
  const [kind, value] = view.split(':');
  if (kind === 'team') return teams.find((x) => x.id === Number(value))?.name ?? t('views.teams');
  if (kind === 'channel') return t(`channel.${value}`, { defaultValue: value });
  return t(`status.${value}`);
}

/** When the open thread is merged into another customer's, follow it there instead of showing an error. */
function useFollowMerges(threadId: number | null): void {
  const rt = useRealtime();
  useEffect(
    () =>
      rt.onEvent((e) => {
        if (e.type === 'thread.removed' && e.threadId === threadId && e.mergedIntoThreadId !== null)
          navigate(`/t/${e.mergedIntoThreadId}`, true);
      }),
    [rt, threadId],
  );
}
