import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Composer } from '#client/features/composer/Composer';
import { ThreadView } from '#client/features/thread/ThreadView';
import { ThreadCommandsProvider } from '#client/features/keyboard/threadCommands';
import { make, mockApi, renderWith, textOf, type Call } from '#tests/client/helpers/harness';

// The composer's side of a reply collision: the server answered 409 `confirmation_required` with the
// colleague's reply; the agent reads it, then sends anyway (same clientId, confirmed) or keeps the draft.
const me = make.agent(1, 'Alex Agent');
const lena = make.agent(5, 'Lena Lead');
const agents = new Map([
  [1, me],
  [5, lena],
]);
const theirs = make.message(11, {
  direction: 'outbound',
  authorAgentId: 5,
  channel: 'sms',
  text: 'Your refund was issued this morning.',
  deliveryStatus: 'sent',
});

function api(): Call[] {
  return mockApi([
    ['GET', /^\/api\/canned-responses/, () => ({ items: [] })],
    [
      'POST',
      /^\/api\/threads\/1\/replies$/,
      (c) => {
        const b = c.body as { text: string; confirm?: boolean };
        if (!b.confirm)
          return {
            status: 409,
            json: {
              error: 'confirm first: a colleague replied since you opened the thread',
              code: 'confirmation_required',
              confirm: { assignee: { id: 5, name: 'Lena Lead' }, replies: [theirs] },
            },
          };
        return { status: 201, json: make.message(12, { direction: 'outbound', authorAgentId: 1, text: b.text }) };
      },
    ],
  ]);
}

const box = () => screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
const replies = (calls: Call[]) =>
  calls.filter((c) => c.method === 'POST').map((c) => c.body as Record<string, unknown>);

function renderComposer() {
  return renderWith(
    <Composer
      thread={make.thread(1, { lastInboundChannel: 'sms', assigneeId: 5 })}
      customer={make.customer()}
      me={me}
      messages={[make.message(10, { text: 'Where is my refund?' })]}
      agents={agents}
      onSent={() => {}}
    />,
  );
}

describe('reply collision in the composer', () => {
  it('shows the colleague’s reply and sends anyway with the same clientId, confirmed, having seen it', async () => {
    const calls = api();
    renderComposer();
    await userEvent.type(box(), 'Let me check your refund{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Lena Lead replied while you were writing' });
    expect(replies(calls)[0]).toMatchObject({ text: 'Let me check your refund', seenMessageId: 10 });
    expect(replies(calls)[0].confirm).toBeUndefined();
    const shown = within(dialog).getByRole('list', { name: 'Replies sent since you began writing' });
    expect(textOf(shown)).toContain('Your refund was issued this morning.');
    expect(textOf(dialog)).toContain('The conversation is assigned to Lena Lead.');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Send anyway' }));
    await waitFor(() => expect(replies(calls)).toHaveLength(2));
    expect(replies(calls)[1]).toMatchObject({
      text: 'Let me check your refund',
      clientId: replies(calls)[0].clientId,
      seenMessageId: 11,
      confirm: true,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('keeps the draft when the agent goes back, and sends nothing', async () => {
    const calls = api();
    renderComposer();
    await userEvent.type(box(), 'Let me check your refund{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Lena Lead replied while you were writing' });
    expect(box().value).toBe('');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep my draft' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(box().value).toBe('Let me check your refund');
    expect(replies(calls)).toHaveLength(1);
  });
});

describe('acting on a colleague’s thread', () => {
  it('asks before resolving, then resolves with confirm: true; going back sends nothing more', async () => {
    const thread = make.thread(1, { customer: { id: 1, name: 'Kasia Nowak' }, assigneeId: 5 });
    const calls = mockApi([
      ['GET', /^\/api\/threads\/1$/, () => ({ thread, customer: make.customer(), episodes: [] })],
      ['GET', /^\/api\/threads\/1\/messages/, () => ({ items: [make.message(1)], before: null })],
      ['GET', /^\/api\/agents/, () => ({ items: [me, lena] })],
      ['GET', /^\/api\/teams/, () => ({ items: [] })],
      ['GET', /^\/api\/canned-responses/, () => ({ items: [] })],
      ['POST', /^\/api\/threads\/1\/read$/, () => ({ ok: true })],
      [
        'POST',
        /^\/api\/threads\/1\/status$/,
        (c) =>
          (c.body as { confirm?: boolean }).confirm
            ? { ...thread, status: 'resolved' }
            : {
                status: 409,
                json: {
                  error: 'confirm first: the thread is assigned to Lena Lead',
                  code: 'confirmation_required',
                  confirm: { assignee: { id: 5, name: 'Lena Lead' }, replies: [] },
                },
              },
      ],
    ]);
    const statusCalls = () => calls.filter((c) => c.path === '/api/threads/1/status').map((c) => c.body);
    renderWith(
      <ThreadCommandsProvider>
        <ThreadView threadId={1} me={me} panelOpen={false} togglePanel={() => {}} />
      </ThreadCommandsProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Resolve' }));
    let dialog = await screen.findByRole('dialog', { name: 'This conversation is assigned to Lena Lead' });
    expect(textOf(dialog)).toContain('Lena Lead is handling it. Act on it anyway?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    dialog = await screen.findByRole('dialog', { name: 'This conversation is assigned to Lena Lead' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Do it anyway' }));
    await waitFor(() =>
      expect(statusCalls()).toEqual([
        { status: 'resolved' },
        { status: 'resolved' },
        { status: 'resolved', confirm: true },
      ]),
    );
  });
});
