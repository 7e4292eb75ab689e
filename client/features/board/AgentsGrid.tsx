import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { BoardAgent } from '#shared/schemas/liveBoard';
import { threadQueries } from '#client/api/threads';
import { useLiveAssign, useLivePresence } from '#client/api/liveBoard';
import { THREAD_DRAG_TYPE } from './BoardActions';
import { useFormat } from '#client/i18n/format';
import { AppLink } from '#client/components/AppLink';

type SortKey = 'name' | 'presence' | 'load' | 'waiting' | 'oldest' | 'firstResponse' | 'negative';
const PRESENCE_ORDER = { online: 0, away: 1, offline: 2 } as const;

function compare(a: BoardAgent, b: BoardAgent, key: SortKey): number {
  switch (key) {
    case 'name':
      return a.name.localeCompare(b.name);
    case 'presence':
      return PRESENCE_ORDER[a.presence] - PRESENCE_ORDER[b.presence];
    case 'load':
      return a.load / Math.max(1, a.capacity) - b.load / Math.max(1, b.capacity);
    case 'oldest':
      return (a.oldestWaitingSince ?? Infinity) - (b.oldestWaitingSince ?? Infinity);
    case 'firstResponse':
      return (a.firstResponseMedianToday ?? -1) - (b.firstResponseMedianToday ?? -1);
    default:
      return a[key] - b[key];
  }
}

/** The agents grid: presence and since when, load against capacity, who waits on them; sortable. */
export function AgentsGrid({ agents, now }: { agents: BoardAgent[]; now: number }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'waiting', desc: true });
  const [open, setOpen] = useState<number | null>(null);
  const toggle = (id: number) => setOpen(open === id ? null : id);
  const rows = [...agents].sort((a, b) => (sort.desc ? -1 : 1) * compare(a, b, sort.key) || a.id - b.id);
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' }))}>
        {label}
      </button>
    </th>
  );
  if (agents.length === 0) return <p className="muted">{t('board.agents.empty')}</p>;
  return (
    // Scrolls sideways on its own when the column names are long (Polish at 1280 px), not the page.
    <div className="board-scroll">
      <table className="board-agents">
        <caption>{t('board.agents.title')}</caption>
        <thead>
          <tr>
            {header('name', t('board.agents.name'))}
            {header('presence', t('board.agents.presence'))}
            {header('load', t('board.agents.load'))}
            {header('waiting', t('board.agents.waiting'))}
            {header('oldest', t('board.agents.oldest'))}
            {header('firstResponse', t('board.agents.firstResponse'))}
            {header('negative', t('board.agents.negative'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <AgentRow key={a.id} a={a} now={now} expanded={open === a.id} toggle={() => toggle(a.id)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AgentRow(p: { a: BoardAgent; now: number; expanded: boolean; toggle(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { a } = p;
  const full = a.load >= a.capacity;
  const assign = useLiveAssign();
  const [over, setOver] = useState(false);
  return (
    <>
      <tr
        className={over ? 'board-drop-over' : undefined}
        title={t('board.agents.dropHere', { name: a.name })}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes(THREAD_DRAG_TYPE)) return;
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          setOver(false);
          const id = Number(e.dataTransfer.getData(THREAD_DRAG_TYPE));
          if (!Number.isInteger(id) || id <= 0) return;
          e.preventDefault();
          assign.mutate({ threadIds: [id], agentId: a.id });
        }}
      >
        <th scope="row">
          <button type="button" className="link" aria-expanded={p.expanded} onClick={p.toggle}>
            {a.name}
          </button>
        </th>
        <td>
          <span className={`presence-dot presence-${a.presence}`} aria-hidden="true" />{' '}
          {t(`board.presence.${a.presence}`)}
          {a.presenceSince !== null && (
            <span className="muted small"> {t('board.agents.since', { time: f.time(a.presenceSince) })}</span>
          )}{' '}
          <PresenceToggle a={a} />
        </td>
        <td className={full ? 'tone-warn' : undefined}>
          {t('board.agents.capacity', { load: a.load, capacity: a.capacity })}
        </td>
        <td>{a.waiting}</td>
        <td>
          {a.oldestWaitingSince === null
            ? t('board.tiles.none')
            : f.duration(Math.max(0, p.now - a.oldestWaitingSince))}
        </td>
        <td>{a.firstResponseMedianToday === null ? t('board.tiles.none') : f.duration(a.firstResponseMedianToday)}</td>
        <td>{a.negative}</td>
      </tr>
      {p.expanded && (
        <tr className="board-agent-threads">
          <td colSpan={7}>
            <AgentThreads agent={a} now={p.now} />
          </td>
        </tr>
      )}
    </>
  );
}

/** A lead sets a connected agent away (or back online); the change comes back as a live delta. */
function PresenceToggle({ a }: { a: BoardAgent }) {
  const { t } = useTranslation();
  const set = useLivePresence();
  if (a.presence === 'offline') return null;
  const next = a.presence === 'online' ? 'away' : 'online';
  return (
    <button
      type="button"
      className="link small"
      disabled={set.isPending}
      aria-label={t(next === 'away' ? 'board.agents.setAwayFor' : 'board.agents.setOnlineFor', { name: a.name })}
      onClick={() => set.mutate({ agentId: a.id, presence: next })}
    >
      {t(next === 'away' ? 'board.agents.setAway' : 'board.agents.setOnline')}
    </button>
  );
}

/** An agent's open threads, longest waiting first; each opens in the inbox. */
function AgentThreads({ agent, now }: { agent: BoardAgent; now: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useInfiniteQuery(threadQueries.list({ status: 'open', assignee: agent.id, sort: 'waiting' }));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) return <p className="muted">{t('board.loading')}</p>;
  if (items.length === 0) return <p className="muted">{t('board.agents.noThreads')}</p>;
  return (
    <ul aria-label={t('board.agents.threads', { name: agent.name })} className="board-thread-links">
      {items.slice(0, 20).map((th) => (
        <li key={th.id}>
          <AppLink to={`/t/${th.id}`} className="board-customer" dir="auto">
            {th.customer.name}
          </AppLink>{' '}
          {th.waitingSince !== null && (
            <span className="muted small">{f.duration(Math.max(0, now - th.waitingSince))}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
