import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { BoardAgent } from '#shared/schemas/liveBoard';
import type { ThreadSummary } from '#shared/schemas/thread';
import { useLiveAssign } from '#client/api/liveBoard';
import { threadQueries } from '#client/api/threads';
import { ChannelIcon } from '#client/components/ChannelIcon';
import { AppLink } from '#client/components/AppLink';
import { IdentityHint } from '#client/components/IdentityHint';
import { useFormat } from '#client/i18n/format';
import { AgentOptions, BulkAssign, MoveSelected, SubmitAndSaid, THREAD_DRAG_TYPE } from './BoardActions';
import { WaitingWhy } from './WaitingWhy';
import { TableHead } from '#client/components/TableHead';

/** How many of the longest-waiting customers the board lists. */
const SHOWN = 10;

/** The customers waiting longest (live from the inbox list), each re-assignable from the board. */
export function WaitingThreads(p: {
  teamId: number | null;
  agents: BoardAgent[];
  teams: Array<{ id: number; name: string }>;
  now: number;
}) {
  const { teamId, agents, now } = p;
  const { t } = useTranslation();
  const [selected, setSelected] = useState<number[]>([]);
  const list = useInfiniteQuery(
    threadQueries.list({
      status: 'open',
      assignee: 'any',
      sort: 'waiting',
      ...(teamId === null ? {} : { team: teamId }),
    }),
  );
  const allWaiting = (list.data?.pages.flatMap((page) => page.items) ?? []).filter((x) => x.waitingSince !== null);
  const waiting = allWaiting.slice(0, SHOWN);
  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <section className="board-waiting" aria-labelledby="board-waiting-title">
      <h2 id="board-waiting-title">{t('board.queue.title')}</h2>
      <BulkAssign waiting={allWaiting} agents={agents} />
      {waiting.length === 0 ? (
        <p className="muted">{list.isPending ? t('board.loading') : t('board.queue.empty')}</p>
      ) : (
        <>
          <p className="muted small">{t('board.queue.dragHint')}</p>
          <table>
            <TableHead
              columns={[
                <span className="sr-only">{t('board.queue.moveGo')}</span>,
                ...(['customer', 'channel', 'waited', 'assignee', 'assign'] as const).map((k) => t(`board.queue.${k}`)),
              ]}
            />
            <tbody>
              {waiting.map((th) => (
                <WaitingRow
                  key={th.id}
                  th={th}
                  agents={agents}
                  teams={p.teams}
                  now={now}
                  selected={selected.includes(th.id)}
                  toggle={() => toggle(th.id)}
                />
              ))}
            </tbody>
          </table>
          <MoveSelected selected={selected} teams={p.teams} done={() => setSelected([])} />
        </>
      )}
    </section>
  );
}

function WaitingRow(p: {
  th: ThreadSummary;
  agents: BoardAgent[];
  teams: Array<{ id: number; name: string }>;
  now: number;
  selected: boolean;
  toggle(): void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const assign = useLiveAssign();
  const [to, setTo] = useState('');
  const [said, setSaid] = useState('');
  const { th } = p;
  const submit = () => {
    const agent = p.agents.find((a) => a.id === Number(to));
    if (!agent) return;
    assign.mutate(
      { threadIds: [th.id], agentId: agent.id },
      {
        onSuccess: (r) =>
          setSaid(
            r.failed.length
              ? t('board.queue.failed', { reason: r.failed[0].error })
              : t('board.queue.assigned', { name: agent.name }),
          ),
        onError: (e) => setSaid(t('board.queue.failed', { reason: e.message })),
      },
    );
  };
  return (
    <tr
      draggable
      className="board-draggable"
      onDragStart={(e) => {
        e.dataTransfer.setData(THREAD_DRAG_TYPE, String(th.id));
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <td>
        <input
          type="checkbox"
          checked={p.selected}
          onChange={p.toggle}
          aria-label={t('board.queue.select', { name: th.customer.name })}
        />
      </td>
      <th scope="row">
        <AppLink
          to={`/t/${th.id}`}
          aria-label={t('board.queue.openThread', { name: th.customer.name })}
          className="board-customer"
          dir="auto"
        >
          {th.customer.name}
        </AppLink>{' '}
        <IdentityHint hint={th.customer.hint} />{' '}
        <AppLink
          to={`/t/${th.id}?monitor=1`}
          className="small board-monitor"
          aria-label={t('monitor.openFor', { name: th.customer.name })}
        >
          {t('monitor.open')}
        </AppLink>
        <WaitingWhy thread={th} agents={p.agents} teams={p.teams} />
      </th>
      <td>{th.lastInboundChannel && <ChannelIcon channel={th.lastInboundChannel} />}</td>
      <td>{th.waitingSince !== null && f.duration(Math.max(0, p.now - th.waitingSince))}</td>
      <td>
        {th.assigneeId === null ? (
          <span className="muted">{t('board.queue.unassigned')}</span>
        ) : (
          (p.agents.find((a) => a.id === th.assigneeId)?.name ?? `#${th.assigneeId}`)
        )}
      </td>
      <td>
        <form
          className="board-assign"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <select
            aria-label={t('board.queue.assignTo', { name: th.customer.name })}
            value={to}
            onChange={(e) => setTo(e.target.value)}
          >
            <option value="">{t('board.queue.pick')}</option>
            <AgentOptions agents={p.agents} disabledId={th.assigneeId} />
          </select>
          <SubmitAndSaid label={t('board.queue.assign')} disabled={to === '' || assign.isPending} said={said} />
        </form>
      </td>
    </tr>
  );
}
