import { describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { io } from 'socket.io-client';
import { LoggedEventSchema } from '#shared/schemas/events';
import { LOGGED_EVENT_TYPES } from '#shared/socketEvents';
import { threadQueries, type ThreadFilters } from '#client/api/threads';
import { ThreadView } from '#client/features/thread/ThreadView';
import { ThreadCommandsProvider } from '#client/features/keyboard/threadCommands';
import { RealtimeProvider } from '#client/realtime/RealtimeProvider';
import { connect, type AgentSocket } from '#client/realtime/connection';
import { applyEvent, eventHandlers, type EventHandlers } from '#client/realtime/eventHandlers';
import { createPushedStore } from '#client/realtime/pushedStore';
import { make, mockApi, newClient } from '#tests/client/helpers/harness';

const me = make.agent(1, 'Alex Agent');
const mine: ThreadFilters = { status: 'open', assignee: 'me', sort: 'waiting' };

/** A real socket.io-client socket that never connects: the socket is down for the whole test. */
const deadSocket = () => io('http://127.0.0.1:9', { autoConnect: false, reconnection: false }) as AgentSocket;

function renderLive(ui: ReactNode, qc = newClient()) {
  return {
    qc,
    ...render(
      <QueryClientProvider client={qc}>
        <RealtimeProvider myId={me.id} openSocket={deadSocket}>
          {ui}
        </RealtimeProvider>
      </QueryClientProvider>,
    ),
  };
}

describe('realtime provider', () => {
  it('shows loading until the log head is known, and a retry when reading it fails', async () => {
    let heads = 0;
    mockApi([
      [
        'GET',
        /^\/api\/events\/head$/,
        () => (++heads === 1 ? { status: 503, json: { error: 'down' } } : { lastSeq: 7 }),
      ],
    ]);
    renderLive(<p>workspace</p>);
    expect(screen.queryByText('Loading…')).not.toBeNull();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not reach Braid: down');
    expect(screen.queryByText('workspace')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('workspace');
    expect(heads).toBe(2);
  });

  it('applies a thread action’s answer to the cache while the socket is down', async () => {
    const before = make.thread(1, { customer: { id: 1, name: 'Kasia Nowak' }, assigneeId: null });
    const after = { ...before, assigneeId: me.id };
    const calls = mockApi([
      ['GET', /^\/api\/events\/head$/, () => ({ lastSeq: 0 })],
      ['GET', /^\/api\/threads\/1$/, () => ({ thread: before, customer: make.customer(), episodes: [] })],
      ['GET', /^\/api\/threads\/1\/messages/, () => ({ items: [make.message(1)], before: null })],
      ['GET', /^\/api\/agents/, () => ({ items: [me] })],
      ['GET', /^\/api\/teams/, () => ({ items: [] })],
      ['GET', /^\/api\/canned-responses/, () => ({ items: [] })],
      ['POST', /^\/api\/threads\/1\/read$/, () => ({ ok: true })],
      ['POST', /^\/api\/threads\/1\/take$/, () => after],
    ]);
    const qc = newClient();
    // The agent's "Mine" list is cached and does not hold the thread yet.
    qc.setQueryData(threadQueries.list(mine).queryKey, {
      pages: [{ items: [], nextCursor: null }],
      pageParams: [null],
    });
    renderLive(
      <ThreadCommandsProvider>
        <ThreadView threadId={1} me={me} panelOpen={false} togglePanel={() => {}} />
      </ThreadCommandsProvider>,
      qc,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Take' }));
    // The header follows the answer (no socket event will come), and the thread joins "Mine".
    await screen.findByRole('button', { name: 'Release' });
    expect(qc.getQueryData(threadQueries.list(mine).queryKey)?.pages[0].items.map((t) => t.id)).toEqual([1]);
    expect(calls.filter((c) => c.path === '/api/threads/1').length).toBe(1); // applied, not refetched
  });

  it('applies a delivery retry’s answer to the timeline while the socket is down', async () => {
    const failed = make.message(2, {
      direction: 'outbound',
      authorAgentId: me.id,
      text: 'Your parcel is on its way',
      deliveryStatus: 'failed',
      deliveryError: 'HTTP 503',
    });
    const calls = mockApi([
      ['GET', /^\/api\/events\/head$/, () => ({ lastSeq: 0 })],
      ['GET', /^\/api\/threads\/1$/, () => ({ thread: make.thread(1), customer: make.customer(), episodes: [] })],
      ['GET', /^\/api\/threads\/1\/messages/, () => ({ items: [make.message(1), failed], before: null })],
      ['GET', /^\/api\/agents/, () => ({ items: [me] })],
      ['GET', /^\/api\/teams/, () => ({ items: [] })],
      ['GET', /^\/api\/canned-responses/, () => ({ items: [] })],
      ['POST', /^\/api\/threads\/1\/read$/, () => ({ ok: true })],
      ['POST', /^\/api\/messages\/2\/retry$/, () => ({ ...failed, deliveryStatus: 'queued', deliveryError: null })],
    ]);
    const { qc } = renderLive(
      <ThreadCommandsProvider>
        <ThreadView threadId={1} me={me} panelOpen={false} togglePanel={() => {}} />
      </ThreadCommandsProvider>,
    );
    await screen.findByText('Not delivered: HTTP 503', { exact: false });
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    // No socket event will come: the answer alone takes the failure away and shows the message queued.
    await waitFor(() => expect(screen.queryByText('Not delivered: HTTP 503', { exact: false })).toBeNull());
    const cached = qc.getQueryData(threadQueries.messages(1).queryKey)?.pages.flatMap((p) => p.items);
    expect(cached?.find((m) => m.id === 2)).toMatchObject({ deliveryStatus: 'queued', deliveryError: null });
    expect(calls.filter((c) => c.path.startsWith('/api/threads/1/messages')).length).toBe(1); // applied, not refetched
  });
});

describe('event handler map', () => {
  it('has a handler for every logged event the shared schema declares, and nothing else', () => {
    const declared = LoggedEventSchema.options.map((o) => o.shape.type.value).sort();
    expect([...LOGGED_EVENT_TYPES].sort()).toEqual(declared);
    expect(Object.keys(eventHandlers).sort()).toEqual(declared);
    // @ts-expect-error a map missing an event does not compile
    const partial: EventHandlers = { 'message.created': eventHandlers['message.created'] };
    expect(Object.keys(partial)).toHaveLength(1);
  });

  it('dispatches each event to its own handler', () => {
    const qc = newClient();
    const t = make.thread(4, { sla: { kind: 'first_response', dueAt: 1, state: 'ok', policyName: 'Default' } });
    qc.setQueryData(threadQueries.detail(4).queryKey, { thread: t, customer: make.customer(), episodes: [] });
    const ctx = { myId: me.id, openThreadId: null };
    applyEvent(qc, { type: 'sentiment.alerted', seq: 1, threadId: 4, score: -0.8, threshold: -0.5 }, ctx);
    expect(qc.getQueryData(threadQueries.detail(4).queryKey)?.thread).toEqual(t);
    applyEvent(
      qc,
      { type: 'sla.alerted', seq: 2, threadId: 4, kind: 'first_response', fraction: 1, dueAt: 5, state: 'breached' },
      ctx,
    );
    expect(qc.getQueryData(threadQueries.detail(4).queryKey)?.thread.sla).toMatchObject({
      state: 'breached',
      dueAt: 5,
    });
    applyEvent(qc, { type: 'thread.removed', seq: 3, threadId: 4, mergedIntoThreadId: null }, ctx);
    expect(qc.getQueryData(threadQueries.detail(4).queryKey)).toBeUndefined();
  });

  it('registers a socket listener for every server event in a loop and feeds pushed ones to the store', () => {
    const socket = deadSocket();
    const pushed = createPushedStore();
    const conn = connect({
      qc: newClient(),
      myId: me.id,
      lastSeq: 0,
      pushed,
      openThread: () => null,
      onConnectedChange: () => {},
      onApplied: () => {},
      open: () => socket,
    });
    for (const name of [...LOGGED_EVENT_TYPES, 'presence.snapshot', 'presence.changed', 'thread.viewers'] as const)
      expect(socket.listeners(name), name).toHaveLength(1);
    const [changed] = socket.listeners('presence.changed');
    changed({ online: [4], away: [3], offline: [] });
    expect(pushed.presence()).toEqual({ 3: 'away', 4: 'online' });
    changed({ online: [], away: [], offline: [4] });
    expect(pushed.presence()).toEqual({ 3: 'away', 4: 'offline' });
    const [viewers] = socket.listeners('thread.viewers');
    viewers({ threadId: 9, viewers: [{ agentId: 3, typing: true }] });
    expect(pushed.viewers(9)).toEqual([{ agentId: 3, typing: true }]);
    expect(pushed.viewers(8)).toBe(pushed.viewers(7)); // one stable empty snapshot
    conn.close();
  });
});
