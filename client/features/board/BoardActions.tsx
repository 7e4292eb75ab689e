import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardAgent } from '#shared/schemas/liveBoard';
import type { ThreadSummary } from '#shared/schemas/thread';
import { useLiveAssign, useLiveMove } from '#client/api/liveBoard';
import { Labelled } from '#client/components/Labelled';
import { IdSelect } from '#client/components/IdSelect';

/** The MIME type a dragged waiting row carries (its thread id). */
export const THREAD_DRAG_TYPE = 'application/x-braid-thread';

/** An agent choice labelled with presence and load (the pick lists of the board). */
export function AgentOptions({ agents, disabledId }: { agents: BoardAgent[]; disabledId?: number | null }) {
  const { t } = useTranslation();
  return (
    <>
      {agents.map((a) => (
        <option key={a.id} value={a.id} disabled={a.id === disabledId}>
          {a.name} · {t(`board.presence.${a.presence}`)} ·{' '}
          {t('board.agents.capacity', { load: a.load, capacity: a.capacity })}
        </option>
      ))}
    </>
  );
}

/** A board form's submit button and, beside it, what came of the last submit (read out when it changes). */
export function SubmitAndSaid({ label, disabled, said }: { label: string; disabled: boolean; said: string }) {
  return (
    <>
      <button type="submit" disabled={disabled}>
        {label}
      </button>
      <span role="status" className="small">
        {said}
      </span>
    </>
  );
}

/** "Assign the oldest N unassigned" to one agent: the oldest waiting, unassigned rows of the list. */
export function BulkAssign({ waiting, agents }: { waiting: ThreadSummary[]; agents: BoardAgent[] }) {
  const { t } = useTranslation();
  const assign = useLiveAssign();
  const [count, setCount] = useState(5);
  const [to, setTo] = useState('');
  const [said, setSaid] = useState('');
  const submit = () => {
    const agent = agents.find((a) => a.id === Number(to));
    if (!agent) return;
    const ids = waiting
      .filter((th) => th.assigneeId === null)
      .slice(0, count)
      .map((th) => th.id);
    if (ids.length === 0) return setSaid(t('board.queue.bulkNone'));
    assign.mutate(
      { threadIds: ids, agentId: agent.id },
      {
        onSuccess: (r) => setSaid(t('board.queue.bulkDone', { count: r.assigned.length, name: agent.name })),
        onError: (e) => setSaid(t('board.queue.failed', { reason: e.message })),
      },
    );
  };
  return (
    <form
      className="board-assign board-bulk"
      aria-label={t('board.queue.bulkTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <strong>{t('board.queue.bulkTitle')}</strong>
      <Labelled text={t('board.queue.bulkCount')}>
        <input
          type="number"
          min={1}
          max={200}
          value={count}
          onChange={(e) => setCount(Math.max(1, Math.min(200, Number(e.target.value) || 1)))}
        />
      </Labelled>
      <Labelled text={t('board.queue.bulkTo')}>
        <select value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">{t('board.queue.pick')}</option>
          <AgentOptions agents={agents} />
        </select>
      </Labelled>
      <SubmitAndSaid label={t('board.queue.bulkGo')} disabled={to === '' || assign.isPending} said={said} />
    </form>
  );
}

/** Move the ticked rows to another team. */
export function MoveSelected(p: { selected: number[]; teams: Array<{ id: number; name: string }>; done(): void }) {
  const { t } = useTranslation();
  const move = useLiveMove();
  const [to, setTo] = useState<number | null>(null);
  const [said, setSaid] = useState('');
  const team = p.teams.find((x) => x.id === to);
  return (
    <form
      className="board-assign board-move"
      onSubmit={(e) => {
        e.preventDefault();
        if (!team || p.selected.length === 0) return;
        move.mutate(
          { threadIds: p.selected, teamId: team.id },
          {
            onSuccess: (r) => {
              setSaid(
                r.failed.length
                  ? t('board.queue.moveFailed', { reason: r.failed[0].error })
                  : t('board.queue.moved', { count: r.assigned.length, team: team.name }),
              );
              p.done();
            },
            onError: (e) => setSaid(t('board.queue.moveFailed', { reason: e.message })),
          },
        );
      }}
    >
      <span className="small">{t('board.queue.selected', { count: p.selected.length })}</span>
      <Labelled text={t('board.queue.moveTo')}>
        <IdSelect value={to} none={t('board.tiles.none')} options={p.teams} onChange={setTo} />
      </Labelled>
      <SubmitAndSaid
        label={t('board.queue.moveGo')}
        disabled={to === null || p.selected.length === 0 || move.isPending}
        said={said}
      />
    </form>
  );
}
