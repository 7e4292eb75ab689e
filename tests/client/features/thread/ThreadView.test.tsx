import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ThreadView } from '#client/features/thread/ThreadView';
import { ThreadCommandsProvider } from '#client/features/keyboard/threadCommands';
import { make, mockApi, namesOf, renderWith } from '#tests/client/helpers/harness';

const me = make.agent(1, 'Alex Agent');

function serve(opts: { failFirstReply: boolean }) {
  let replies = 0;
  const thread = make.thread(1, { customer: { id: 1, name: 'Kasia Nowak' }, assigneeId: 1 });
  return mockApi([
    ['GET', /^\/api\/threads\/1$/, () => ({ thread, customer: make.customer(), episodes: [] })],
    [
      'GET',
      /^\/api\/threads\/1\/messages/,
      () => ({ items: [make.message(1, { text: 'Gdzie moja paczka?' })], before: null }),
    ],
    ['GET', /^\/api\/agents/, () => ({ items: [me] })],
    ['GET', /^\/api\/teams/, () => ({ items: [] })],
    ['GET', /^\/api\/canned-responses/, () => ({ items: [] })],
    ['GET', /^\/api\/customers\/1$/, () => ({ customer: make.customer(), threadId: 1, merges: [], suggestions: [] })],
    ['POST', /^\/api\/threads\/1\/read$/, () => ({ ok: true })],
    [
      'POST',
      /^\/api\/threads\/1\/replies$/,
      (c) => {
        replies++;
        if (opts.failFirstReply && replies === 1)
          return { status: 409, json: { error: 'this customer has no channel to reply on' } };
        return {
          status: 201,
          json: make.message(500, {
            direction: 'outbound',
            authorAgentId: 1,
            text: (c.body as { text: string }).text,
            deliveryStatus: 'queued',
            receivedAt: Date.now(),
            sortTs: Date.now(),
          }),
        };
      },
    ],
  ]);
}

describe('thread view', () => {
  it('shows a sent reply at once, explains a refusal, and retries it with the same idempotency key', async () => {
    const calls = serve({ failFirstReply: true });
    const { rt } = renderWith(
      <ThreadCommandsProvider>
        <ThreadView threadId={1} me={me} panelOpen={false} togglePanel={() => {}} />
      </ThreadCommandsProvider>,
    );
    const box = await screen.findByRole('textbox', { name: 'Message' });
    expect(rt.viewed).toContain(1);
    await userEvent.type(box, 'Już sprawdzam{Enter}');
    const log = screen.getByRole('list', { name: 'Conversation history' });
    const alert = await within(log).findByRole('alert');
    expect(alert.textContent).toContain('Not sent: this customer has no channel to reply on');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await within(log).findByText('Queued');
    const sent = calls.filter((c) => c.method === 'POST' && c.path.endsWith('/replies'));
    expect(sent).toHaveLength(2);
    expect((sent[0].body as { clientId: string }).clientId).toBe((sent[1].body as { clientId: string }).clientId);
    expect(within(log).queryByRole('alert')).toBeNull();
    expect(within(log).getAllByText('Już sprawdzam')).toHaveLength(1);
    await waitFor(() => expect(calls.some((c) => c.path === '/api/threads/1/read')).toBe(true));
  });

  it('shows the customer and the actions the assigned agent has', async () => {
    serve({ failFirstReply: false });
    renderWith(
      <ThreadCommandsProvider>
        <ThreadView threadId={1} me={me} panelOpen={false} togglePanel={() => {}} />
      </ThreadCommandsProvider>,
    );
    await screen.findByRole('textbox', { name: 'Message' });
    expect(namesOf(document.body, 'heading')).toContain('Kasia Nowak');
    const buttons = namesOf(document.body, 'button');
    expect(buttons).toEqual(expect.arrayContaining(['Release', 'Resolve']));
    expect(buttons).not.toContain('Take'); // the thread is already this agent's
  });
});
