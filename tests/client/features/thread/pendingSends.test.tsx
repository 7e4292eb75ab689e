import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Message } from '#shared/schemas/message';
import { ThreadView } from '#client/features/thread/ThreadView';
import { ThreadCommandsProvider } from '#client/features/keyboard/threadCommands';
import { applyEvent } from '#client/realtime/eventHandlers';
import { make, mockApi, renderWith } from '#tests/client/helpers/harness';

const me = make.agent(1, 'Alex Agent');
const thread = make.thread(1, { customer: { id: 1, name: 'Kasia Nowak' }, assigneeId: 1 });

/** The API with a reply endpoint that answers only when the test says so. */
function serveWithSlowReplies() {
  let answer: (m: Message) => void = () => {};
  const answered = new Promise<Message>((resolve) => (answer = resolve));
  const calls = mockApi([
    ['GET', /^\/api\/threads\/1$/, () => ({ thread, customer: make.customer(), episodes: [] })],
    ['GET', /^\/api\/threads\/1\/messages/, () => ({ items: [make.message(1, { text: 'Hello?' })], before: null })],
    ['GET', /^\/api\/agents/, () => ({ items: [me] })],
    ['GET', /^\/api\/teams/, () => ({ items: [] })],
    ['GET', /^\/api\/canned-responses/, () => ({ items: [] })],
    ['POST', /^\/api\/threads\/1\/read$/, () => ({ ok: true })],
    ['POST', /^\/api\/threads\/1\/replies$/, async () => ({ status: 201, json: await answered })],
  ]);
  return { calls, answer };
}

const stored = (id: number, text: string, clientId: string | null) =>
  make.message(id, {
    direction: 'outbound',
    authorAgentId: me.id,
    text,
    clientId,
    deliveryStatus: 'queued',
    receivedAt: Date.now(),
    sortTs: Date.now(),
  });

describe('optimistic sends', () => {
  it('are matched to stored messages by the echoed clientId, not by equal text', async () => {
    const api = serveWithSlowReplies();
    const { qc } = renderWith(
      <ThreadCommandsProvider>
        <ThreadView threadId={1} me={me} panelOpen={false} togglePanel={() => {}} />
      </ThreadCommandsProvider>,
    );
    const box = await screen.findByRole('textbox', { name: 'Message' });
    await userEvent.type(box, 'ok{Enter}');
    const log = screen.getByRole('list', { name: 'Conversation history' });
    await within(log).findByText('Sending…');
    const sent = api.calls.find((c) => c.path.endsWith('/replies'))?.body as { clientId: string };
    expect(sent.clientId).toMatch(/\S{8,}/);

    // The same words sent a moment ago from another tab arrive by socket: a different send, so the
    // pending one stays (matching by text would have hidden it and shown one "ok").
    const ctx = { myId: me.id, openThreadId: 1 };
    applyEvent(qc, { type: 'message.created', seq: 1, message: stored(2, 'ok', 'other-tab'), thread }, ctx);
    await waitFor(() => expect(within(log).getAllByText('ok')).toHaveLength(2));
    expect(within(log).queryByText('Sending…')).not.toBeNull();

    // The stored copy of this send arrives by socket before the HTTP answer: it replaces the pending one.
    const mine = stored(3, 'ok', sent.clientId);
    applyEvent(qc, { type: 'message.created', seq: 2, message: mine, thread }, ctx);
    await waitFor(() => expect(within(log).queryByText('Sending…')).toBeNull());
    expect(within(log).getAllByText('ok')).toHaveLength(2);

    // Then the HTTP answer: still one bubble per stored message.
    api.answer(mine);
    await waitFor(() => expect(qc.isMutating()).toBe(0));
    expect(within(log).getAllByText('ok')).toHaveLength(2);
  });
});
