import { afterEach, describe, expect, it, vi } from 'vitest';
import { InfiniteQueryObserver, type QueryClient } from '@tanstack/react-query';
import { io } from 'socket.io-client';
import type { LoggedEvent } from '#shared/schemas/events';
import type { Message } from '#shared/schemas/message';
import { threadQueries, type ThreadFilters } from '#client/api/threads';
import { connect, type AgentSocket } from '#client/realtime/connection';
import { createSeqWindow } from '#client/realtime/lateEvents';
import { createPushedStore } from '#client/realtime/pushedStore';
import { make, mockApi, newClient } from '#tests/client/helpers/harness';

const all: ThreadFilters = { status: 'open', assignee: 'any', sort: 'waiting' };

afterEach(() => vi.unstubAllGlobals());

/** A new message in thread 1, logged with `seq`. */
const created = (seq: number, m: Message): Extract<LoggedEvent, { type: 'message.created' }> => ({
  type: 'message.created',
  seq,
  message: m,
  thread: make.thread(1, { lastMessageId: m.id }),
});

/** A live connection over a real socket.io-client socket that never connects; events are fed to its listeners. */
function live(qc: QueryClient, lastSeq: number) {
  const socket = io('http://127.0.0.1:9', { autoConnect: false, reconnection: false }) as AgentSocket;
  const applied: number[] = [];
  const conn = connect({
    qc,
    myId: 1,
    lastSeq,
    pushed: createPushedStore(),
    openThread: () => null,
    onConnectedChange: () => {},
    onApplied: (e) => void applied.push(e.seq),
    open: () => socket,
  });
  const emit = (e: LoggedEvent) => socket.listeners(e.type)[0](e as never);
  const reconnect = () => socket.listeners('connect')[0]();
  return { conn, applied, emit, reconnect };
}

/** Thread 1's timeline and the inbox list, watched as on screen (an invalidation refetches them). */
async function watched(qc: QueryClient) {
  const timeline = new InfiniteQueryObserver(qc, threadQueries.messages(1));
  const list = new InfiniteQueryObserver(qc, threadQueries.list(all));
  const unsub = [timeline.subscribe(() => {}), list.subscribe(() => {})];
  await vi.waitFor(() => expect(list.getCurrentResult().isSuccess && timeline.getCurrentResult().isSuccess).toBe(true));
  const ids = () => qc.getQueryData(threadQueries.messages(1).queryKey)?.pages.flatMap((p) => p.items.map((m) => m.id));
  return { ids, stop: () => unsub.forEach((u) => u()) };
}

describe('live events from several nodes', () => {
  it('does not lose an event that arrives after a newer one (seq 9 after 10)', async () => {
    const server = [make.message(1)];
    const calls = mockApi([
      ['GET', /^\/api\/threads\/1\/messages/, () => ({ items: server, before: null })],
      ['GET', /^\/api\/threads\?/, () => ({ items: [make.thread(1)], nextCursor: null })],
    ]);
    const qc = newClient();
    const view = await watched(qc);
    const fetches = (prefix: string) => calls.filter((c) => c.path.startsWith(prefix)).length;
    const { conn, applied, emit } = live(qc, 8);
    // Node A commits seq 9, node B seq 10; B's reaches the browser first.
    const nine = created(9, make.message(2));
    const ten = created(10, make.message(3));
    server.push(nine.message, ten.message);
    emit(ten);
    expect(view.ids()).toEqual([1, 3]); // patched in, not refetched
    expect(fetches('/api/threads/1/messages')).toBe(1);
    emit(nine);
    // The late one's older thread snapshot is not patched over the newer one: its thread is read again.
    await vi.waitFor(() => expect(view.ids()).toEqual([1, 2, 3]));
    expect(fetches('/api/threads/1/messages')).toBe(2);
    expect(fetches('/api/threads?')).toBe(2);
    emit(nine); // the same event once more: nothing happens
    await new Promise((r) => setTimeout(r, 20));
    expect(applied).toEqual([10, 9]);
    expect(fetches('/api/threads/1/messages')).toBe(2);
    view.stop();
    conn.close();
  });

  it('applies an event once when it comes both live and in the catch-up page', async () => {
    const server = [make.message(1)];
    let answer: (page: unknown) => void = () => {};
    const calls = mockApi([
      ['GET', /^\/api\/threads\/1\/messages/, () => ({ items: server, before: null })],
      ['GET', /^\/api\/threads\?/, () => ({ items: [make.thread(1)], nextCursor: null })],
      ['GET', /^\/api\/events\?after=7$/, () => new Promise((r) => (answer = r))],
    ]);
    const qc = newClient();
    const view = await watched(qc);
    const { conn, applied, emit, reconnect } = live(qc, 5);
    const [six, seven, eight, nine] = [6, 7, 8, 9].map((seq) => created(seq, make.message(seq * 10)));
    server.push(six.message, seven.message, eight.message, nine.message);
    emit(seven);
    reconnect(); // catch-up asks for what came after 7; live events wait meanwhile
    await vi.waitFor(() => expect(calls.some((c) => c.path === '/api/events?after=7')).toBe(true));
    emit(nine);
    emit(six); // late: published by a slow node after 7 reached us
    answer({ events: [eight, nine], lastSeq: 9, more: false });
    await vi.waitFor(() => expect(applied).toEqual([7, 8, 9, 6]));
    await vi.waitFor(() => expect(view.ids()).toEqual([1, 60, 70, 80, 90]));
    await new Promise((r) => setTimeout(r, 20));
    expect(applied).toEqual([7, 8, 9, 6]); // 9 (page and live) once
    view.stop();
    conn.close();
  });
});

describe('sequence window', () => {
  it('tells next, late, duplicate and forgotten sequences apart with bounded memory', () => {
    const w = createSeqWindow(4, 3);
    expect([5, 5, 4, 8, 6, 6, 9].map((s) => w.mark(s))).toEqual([
      'next',
      'applied',
      'applied', // at or below the head the data was read after
      'next',
      'late',
      'applied',
      'next', // keeps 6, 8, 9: 5 is forgotten
    ]);
    expect(w.last()).toBe(9);
    expect(w.mark(5)).toBe('unknown');
    expect(w.mark(7)).toBe('late');
  });
});
