import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../../shared/schemas/agent';
import { useLogout } from '../../api/auth';
import type { ThreadFilters } from '../../api/queryKeys';
import { useRealtime } from '../../realtime/RealtimeProvider';
import { threadIdFromPath, usePath } from '../../router';
import { ThreadView } from '../thread/ThreadView';
import { ThreadList } from './ThreadList';

type ViewKey = 'mine' | 'unassigned' | 'all';
const VIEWS: Record<ViewKey, ThreadFilters> = {
  mine: { status: 'open', assignee: 'me', sort: 'waiting' },
  unassigned: { status: 'open', assignee: 'unassigned', sort: 'waiting' },
  all: { status: 'open', assignee: 'any', sort: 'waiting' },
};

/** The agent's workspace: views, the live thread list and the open thread. */
export function InboxPage({ me }: { me: Agent }) {
  const { t } = useTranslation();
  const [view, setView] = useState<ViewKey>('all');
  const threadId = threadIdFromPath(usePath());
  const logout = useLogout();
  const rt = useRealtime();
  return (
    <div className="workspace">
      <header className="topbar">
        <strong className="brand">{t('app.name')}</strong>
        {!rt.connected && <span className="offline" role="status">{t('app.offline')}</span>}
        <span className="spacer" />
        <span className="me">{me.name}</span>
        <button type="button" className="link" onClick={() => logout.mutate()}>
          {t('app.logout')}
        </button>
      </header>
      <nav className="views" aria-label={t('views.label')}>
        {(Object.keys(VIEWS) as ViewKey[]).map((k) => (
          <button key={k} type="button" aria-pressed={view === k} className={view === k ? 'active' : ''} onClick={() => setView(k)}>
            {t(`views.${k}`)}
          </button>
        ))}
      </nav>
      <ThreadList filters={VIEWS[view]} selectedId={threadId} me={me} />
      <main className="thread-pane">{threadId !== null ? <ThreadView key={threadId} threadId={threadId} me={me} /> : <p className="center muted">{t('thread.select')}</p>}</main>
    </div>
  );
}
