import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { emptyQueue } from '#shared/liveBoard';
import type { BoardAgent, BoardSnapshot, TeamBoard } from '#shared/schemas/liveBoard';
import type { RoutingExplain } from '#shared/schemas/routingExplain';
import { setLocale } from '#client/i18n';
import { applyBoardDeltaToCache } from '#client/api/liveBoard';
import { BoardPage } from '#client/features/board/BoardPage';
import { WallBoard } from '#client/features/board/WallBoard';
import { fakeRealtime, make, mockApi, renderWith, textOf } from '#tests/client/helpers/harness';

const NOW = Date.now();
const lead = make.agent(3, 'Lena Lead', { role: 'lead', teamIds: [1] });
const team = (waiting: number, oldestAgo: number | null): TeamBoard => ({
  teamId: 1,
  name: 'Support',
  timeZone: null,
  queue: {
    ...emptyQueue(),
    waiting,
    open: waiting + 1,
    unassigned: waiting,
    oldestWaitingSince: oldestAgo === null ? null : NOW - oldestAgo,
    medianWaitingSince: oldestAgo === null ? null : NOW - oldestAgo / 2,
    slaAtRisk: waiting > 2 ? 1 : 0,
    slaBreached: waiting > 2 ? 2 : 0,
  },
  channels: [],
  minutes: [{ minute: Math.floor(NOW / 60_000), arrivals: 4, resolutions: 1 }],
});
const agent = (id: number, name: string, load: number, waiting: number): BoardAgent => ({
  id,
  name,
  role: 'agent',
  teamIds: [1],
  presence: id === 10 ? 'online' : 'away',
  presenceSince: NOW - 60_000,
  capacity: 5,
  load,
  pending: 0,
  waiting,
  oldestWaitingSince: waiting ? NOW - 120_000 : null,
  negative: 0,
  firstResponseMedianToday: id === 10 ? 180_000 : null,
});
const snapshot: BoardSnapshot = {
  asOf: NOW,
  seq: 5,
  teams: [team(2, 20 * 60_000)],
  agents: [agent(10, 'Ann', 1, 0), agent(11, 'Bo', 4, 3)],
  combined: { teamIds: [1], medianWaitingSince: NOW - 10 * 60_000 },
};
const waitingThread = make.thread(77, {
  customer: { id: 9, name: 'Somchai' },
  waitingSince: NOW - 20 * 60_000,
  assigneeId: null,
});

/** What the routing explanation of the waiting row says (a test may change it). */
const NO_WHY = { teamId: 1, actorId: null, at: null, reason: null, wait: null, overflowedFromTeamId: null, text: '' };
const explain: { now: RoutingExplain } = { now: { ...NO_WHY, threadId: 77, state: 'closed', agentId: null } };
const ROUTED_TO_ANN: RoutingExplain = make.routed(77, 10);

function serve() {
  return mockApi([
    ['GET', /^\/api\/routing\/explain\/77$/, () => explain.now],
    ['GET', /^\/api\/live\/board$/, () => snapshot],
    [
      'GET',
      /^\/api\/teams$/,
      () => ({ items: [{ id: 1, name: 'Support', autoAssign: false, memberIds: [3, 10, 11] }] }),
    ],
    ['GET', /^\/api\/threads\?/, () => ({ items: [waitingThread], nextCursor: null })],
    ['POST', /^\/api\/live\/assign$/, () => ({ assigned: [77], failed: [] })],
    ['POST', /^\/api\/live\/presence$/, (c) => c.body],
    ['POST', /^\/api\/live\/move$/, () => ({ assigned: [77], failed: [] })],
  ]);
}
afterEach(() => vi.unstubAllGlobals());

const tile = (label: string) => {
  const dt = screen.getAllByText(label, { selector: 'dt' })[0];
  return textOf(dt.nextElementSibling!);
};

describe('BoardPage', () => {
  it('shows the queue tiles, then applies a live delta without refetching', async () => {
    const calls = serve();
    const { qc } = renderWith(<BoardPage me={lead} search="" />);
    await screen.findByRole('heading', { name: 'Support' }, { timeout: 5_000 });
    expect(tile('Waiting')).toBe('2');
    expect(tile('Longest wait')).toBe('20m');
    expect(tile('New, last hour')).toBe('4');
    expect(tile('Backlog forecast')).toBe('Growing');
    expect([tile('SLA at risk'), tile('SLA breached')]).toEqual(['0', '0']);
    expect(screen.queryByText(/Live · last change/)).not.toBeNull();

    const boardCalls = () => calls.filter((c) => c.path.startsWith('/api/live/board')).length;
    expect(boardCalls()).toBe(1);
    act(() => applyBoardDeltaToCache(qc, { asOf: NOW, seq: 6, teams: [team(3, 45 * 60_000)], agents: [] }));
    await waitFor(() => expect(tile('Waiting')).toBe('3'));
    expect(tile('Longest wait')).toBe('45m');
    expect([tile('SLA at risk'), tile('SLA breached')]).toEqual(['1', '2']);
    const breached = screen.getAllByText('SLA breached', { selector: 'dt' })[0].parentElement!;
    expect(breached.className).toContain('tone-late');
    // An older delta (seq below the board's) changes nothing.
    await act(async () => {
      applyBoardDeltaToCache(qc, { asOf: NOW, seq: 4, teams: [team(0, null)], agents: [] });
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(tile('Waiting')).toBe('3');
    expect(boardCalls()).toBe(1);
  });

  it('sorts the agents grid and re-assigns a waiting customer from the board', async () => {
    const calls = serve();
    renderWith(<BoardPage me={lead} search="" />);
    const grid = await screen.findByRole('table', { name: 'Agents' }, { timeout: 5_000 });
    const names = () => within(grid).getAllByRole('rowheader').map(textOf);
    expect(names()).toEqual(['Bo', 'Ann']); // most customers waiting first
    await userEvent.click(within(grid).getByRole('button', { name: 'Agent' }));
    expect(names()).toEqual(['Ann', 'Bo']);
    expect(within(grid).getByRole('columnheader', { name: 'Agent' }).getAttribute('aria-sort')).toBe('ascending');
    // First response today: Ann's median 3 minutes, Bo none yet; sortable, slowest first, then fastest.
    const annRow = within(grid).getByRole('rowheader', { name: 'Ann' }).closest('tr')!;
    expect(within(annRow).queryByText('3m')).not.toBeNull();
    const byFirst = within(grid).getByRole('button', { name: 'First response, median today' });
    await userEvent.click(byFirst);
    expect(names()).toEqual(['Ann', 'Bo']);
    await userEvent.click(byFirst);
    expect(names()).toEqual(['Bo', 'Ann']);
    await userEvent.click(within(grid).getByRole('button', { name: 'Agent' }));

    const select = await screen.findByRole('combobox', { name: 'Assign Somchai to' });
    await userEvent.selectOptions(select, '11');
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(screen.queryByText('Assigned to Bo.')).not.toBeNull());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ threadIds: [77], agentId: 11 });

    // Ann is online: the lead can set her away (Bo is away: he can be set back online).
    expect(within(grid).queryByRole('button', { name: 'Set online: Bo' })).not.toBeNull();
    await userEvent.click(within(grid).getByRole('button', { name: 'Set away: Ann' }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/api/live/presence')?.body).toEqual({ agentId: 10, presence: 'away' }),
    );
  });

  it('assigns the oldest unassigned in bulk, moves ticked rows to a team, and takes a row dropped on an agent', async () => {
    const calls = serve();
    renderWith(<BoardPage me={lead} search="" />);
    const bulk = await screen.findByRole('form', { name: 'Assign the oldest unassigned' }, { timeout: 5_000 });
    await userEvent.clear(within(bulk).getByRole('spinbutton', { name: 'How many' }));
    await userEvent.type(within(bulk).getByRole('spinbutton', { name: 'How many' }), '3');
    await userEvent.selectOptions(within(bulk).getByRole('combobox', { name: 'To agent' }), '10');
    await userEvent.click(within(bulk).getByRole('button', { name: 'Assign oldest' }));
    await waitFor(() => expect(within(bulk).queryByText('Assigned 1 customer to Ann.')).not.toBeNull());
    const posts = () => calls.filter((c) => c.method === 'POST');
    expect(posts()[0]).toMatchObject({ path: '/api/live/assign', body: { threadIds: [77], agentId: 10 } });

    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Somchai' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Move the selected to team' }), '1');
    await userEvent.click(screen.getByRole('button', { name: 'Move selected' }));
    await waitFor(() => expect(screen.queryByText('Moved 1 customer to Support.')).not.toBeNull());
    expect(posts()[1]).toMatchObject({ path: '/api/live/move', body: { threadIds: [77], teamId: 1 } });

    // Drag the waiting row onto Bo's row in the agents grid.
    const grid = screen.getByRole('table', { name: 'Agents' });
    const bo = within(grid).getByRole('rowheader', { name: 'Bo' }).closest('tr')!;
    const dataTransfer = { types: ['application/x-braid-thread'], getData: () => '77' };
    fireEvent.dragOver(bo, { dataTransfer });
    expect(bo.className).toContain('board-drop-over');
    fireEvent.drop(bo, { dataTransfer });
    await waitFor(() => expect(posts()).toHaveLength(3));
    expect(posts()[2]).toMatchObject({ path: '/api/live/assign', body: { threadIds: [77], agentId: 11 } });
  });

  it('says under a waiting customer why routing put them there, in the same words as the thread header', async () => {
    const calls = serve();
    explain.now = ROUTED_TO_ANN;
    const why = () => document.querySelector('.board-waiting .board-why');
    try {
      const en = renderWith(<BoardPage me={lead} search="" />);
      await waitFor(
        () => expect(textOf(why()!)).toBe('Why here: Auto-assigned to Ann: Thai speaker, 2 of 5 live chats'),
        {
          timeout: 5_000,
        },
      );
      expect(calls.filter((c) => c.path === '/api/routing/explain/77')).toHaveLength(1);
      en.unmount();

      await setLocale('th');
      renderWith(<BoardPage me={lead} search="" />);
      await waitFor(() => expect(textOf(why()!)).toBe('เหตุผล: มอบหมายอัตโนมัติให้ Ann: พูดภาษาไทย · แชตสด 2 จาก 5'), {
        timeout: 5_000,
      });
    } finally {
      explain.now = { ...NO_WHY, threadId: 77, state: 'closed', agentId: null };
      await i18n.changeLanguage('en');
    }
  });

  it('shows no why line when the explanation has nothing to say', async () => {
    const calls = serve();
    const { qc } = renderWith(<BoardPage me={lead} search="" />);
    await screen.findByRole('combobox', { name: 'Assign Somchai to' }, { timeout: 5_000 });
    await waitFor(() =>
      expect(qc.getQueryCache().find({ queryKey: ['routingExplain', 77], exact: false })?.state.status).toBe('success'),
    );
    expect(calls.filter((c) => c.path === '/api/routing/explain/77')).toHaveLength(1);
    expect(document.querySelector('.board-why')).toBeNull();
  });

  it('tells agents the board is not for them', () => {
    serve();
    renderWith(<BoardPage me={make.agent(4, 'Al')} search="" />);
    expect(screen.queryByText(/Only team leads, supervisors and admins/)).not.toBeNull();
  });
});

describe('WallBoard', () => {
  it('shows the chosen tiles in large type and says when the connection is lost', async () => {
    serve();
    const rt = { ...fakeRealtime(), connected: false };
    renderWith(<WallBoard search="?tiles=waiting,oldest" />, undefined, rt);
    await screen.findByText('2', { selector: 'dd' });
    expect(screen.getAllByRole('definition').map(textOf)).toEqual(['2', '20m']);
    expect(screen.queryByText(/Connection lost · showing data from/)).not.toBeNull();
  });

  it('shows the median wait of everyone on all the teams, kept live by the deltas for that set of teams', async () => {
    const billing: TeamBoard = { ...team(3, 50 * 60_000), teamId: 2, name: 'Billing' };
    const two: BoardSnapshot = {
      ...snapshot,
      teams: [team(2, 20 * 60_000), billing],
      combined: { teamIds: [1, 2], medianWaitingSince: NOW - 30 * 60_000 },
    };
    mockApi([['GET', /^\/api\/live\/board$/, () => two]]);
    const { qc } = renderWith(<WallBoard search="?tiles=waiting,median" />);
    await screen.findByText('5', { selector: 'dd' });
    // Not "—": the teams' medians (10 m and 25 m) cannot be added up; the server's merged one is shown.
    expect(screen.getAllByRole('definition').map(textOf)).toEqual(['5', '30m']);
    act(() =>
      applyBoardDeltaToCache(qc, {
        asOf: NOW,
        seq: 6,
        teams: [],
        agents: [],
        combined: { teamIds: [2, 1], medianWaitingSince: NOW - 40 * 60_000 },
      }),
    );
    await waitFor(() => expect(screen.getAllByRole('definition').map(textOf)).toEqual(['5', '40m']));
    // Figures for another set of teams (a board showing other teams) are not taken.
    act(() =>
      applyBoardDeltaToCache(qc, {
        asOf: NOW,
        seq: 7,
        teams: [],
        agents: [],
        combined: { teamIds: [1, 2, 3], medianWaitingSince: NOW - 5 * 60_000 },
      }),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getAllByRole('definition').map(textOf)).toEqual(['5', '40m']);
  });
});
