import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Composer } from '#client/features/composer/Composer';
import { make, mockApi, renderWith, textOf, type Call } from '#tests/client/helpers/harness';

const me = make.agent(1, 'Alex Agent');
const lena = make.agent(5, 'Lena Lead');
const agents = new Map([
  [1, me],
  [5, lena],
]);
const thread = make.thread(1, { lastInboundChannel: 'sms' });
const canned = [
  {
    id: 1,
    shortcut: 'refund',
    language: 'en',
    title: 'Refund issued',
    body: 'Hi {{first_name}}, your refund is on its way.',
    teamId: null,
    createdBy: 5,
    createdAt: 0,
  },
  {
    id: 2,
    shortcut: 'refund',
    language: 'pl',
    title: 'Zwrot',
    body: 'Cześć {{first_name}}, zwrot jest w drodze.',
    teamId: null,
    createdBy: 5,
    createdAt: 0,
  },
  {
    id: 3,
    shortcut: 'hello',
    language: 'en',
    title: 'Greeting',
    body: 'Hello!',
    teamId: null,
    createdBy: 5,
    createdAt: 0,
  },
];

function api(): Call[] {
  let id = 100;
  return mockApi([
    ['GET', /^\/api\/canned-responses/, () => ({ items: canned })],
    [
      'POST',
      /^\/api\/threads\/1\/(replies|notes)$/,
      (c) => {
        const b = c.body as { text: string; identityId?: number };
        const note = c.path.endsWith('notes');
        return {
          status: 201,
          json: make.message(++id, {
            direction: note ? 'note' : 'outbound',
            authorAgentId: 1,
            text: b.text,
            channel: note ? null : 'sms',
            deliveryStatus: note ? null : 'queued',
          }),
        };
      },
    ],
  ]);
}

function renderComposer(messages = [make.message(1)]) {
  return renderWith(
    <Composer
      thread={thread}
      customer={make.customer()}
      me={me}
      messages={messages}
      agents={agents}
      onSent={() => {}}
    />,
  );
}
const box = () => screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');

describe('composer', () => {
  it('sends on Enter, keeps Shift+Enter as a new line, and replies on the last-used channel by default', async () => {
    const calls = api();
    const { rt } = renderComposer();
    expect((screen.getByRole('combobox', { name: 'Reply via' }) as HTMLSelectElement).value).toBe('1');
    await userEvent.type(box(), 'Dzień dobry{Shift>}{Enter}{/Shift}Sprawdzam');
    expect(box().value).toBe('Dzień dobry\nSprawdzam');
    expect(rt.typing.at(-1)).toEqual([1, true]);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).toMatchObject({ path: '/api/threads/1/replies', body: { text: 'Dzień dobry\nSprawdzam' } });
    expect((posts(calls)[0].body as { identityId?: number }).identityId).toBeUndefined();
    expect(box().value).toBe('');
    expect(rt.typing.at(-1)).toEqual([1, false]);
  });

  it('replies on another identity when picked, and sends notes when toggled', async () => {
    const calls = api();
    renderComposer();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Reply via' }), '2');
    await userEvent.type(box(), 'Via email please{Enter}');
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0].body).toMatchObject({ identityId: 2 });

    expect(textOf(document.body)).not.toContain('Only your colleagues will see this note.');
    await userEvent.click(screen.getByRole('button', { name: 'Internal note' }));
    expect(screen.getByRole('button', { name: 'Internal note' }).getAttribute('aria-pressed')).toBe('true');
    expect(textOf(document.body)).toContain('Only your colleagues will see this note.');
    expect(screen.queryByRole('combobox', { name: 'Reply via' })).toBeNull();
    await userEvent.type(box(), 'VIP, be gentle{Enter}');
    await waitFor(() => expect(posts(calls)).toHaveLength(2));
    expect(posts(calls)[1]).toMatchObject({ path: '/api/threads/1/notes', body: { text: 'VIP, be gentle' } });
  });

  it('inserts a canned response by /shortcut in the customer’s language', async () => {
    api();
    renderComposer();
    await userEvent.type(box(), '/ref');
    const menu = await screen.findByRole('listbox', { name: 'Canned replies' });
    const options = within(menu).getAllByRole('option');
    expect(options[0].textContent).toContain('/refund');
    expect(options[0].textContent).toContain('Zwrot');
    expect(options[0].textContent).toContain('en · pl');
    await userEvent.keyboard('{Enter}');
    expect(box().value).toBe('Cześć Kasia, zwrot jest w drodze.');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('never sends a "/shortcut" that matched nothing or was left unexpanded', async () => {
    const calls = api();
    renderComposer();
    await userEvent.type(box(), '/xyz{Enter}');
    expect(textOf(document.body)).toContain('“/xyz” is not a canned response, so nothing was sent.');
    await userEvent.clear(box());
    await userEvent.type(box(), '/refund{Escape}{Enter}');
    await userEvent.type(box(), ' {Enter}');
    expect(posts(calls)).toHaveLength(0);
    expect(box().value).toBe('/refund ');
    await userEvent.clear(box());
    await userEvent.type(box(), 'see /ref page 2{Enter}'); // a slash inside the text is fine
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
  });

  it('never defaults the reply to voicemail or to an unverified claim, even when the customer used it last', async () => {
    const calls = api();
    const customer = make.customer({
      identities: [
        {
          id: 3,
          channel: 'voice',
          address: '+48600100200',
          displayName: null,
          verified: true,
          lastInboundAt: 1_770_000_000_000,
        },
        {
          id: 4,
          channel: 'webchat',
          address: 'v_abc',
          displayName: null,
          verified: false,
          lastInboundAt: 1_769_000_000_000,
        },
        ...make.customer().identities,
      ],
    });
    renderWith(
      <Composer
        thread={thread}
        customer={customer}
        me={me}
        messages={[make.message(1)]}
        agents={agents}
        onSent={() => {}}
      />,
    );
    const via = screen.getByRole('combobox', { name: 'Reply via' }) as HTMLSelectElement;
    expect(via.value).toBe('1'); // the SMS identity, not the later voicemail or web chat
    expect(via.selectedOptions[0].textContent).toContain('SMS');
    const voicemailOption = [...via.options].find((o) => o.value === '3')!;
    expect(voicemailOption.textContent).toMatch(/^SMS · \+48600100200/); // answered by SMS, labelled so
    await userEvent.type(box(), 'Oddzwonię{Enter}');
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect((posts(calls)[0].body as { identityId?: number }).identityId).toBeUndefined();
  });

  it('keeps a draft per thread across navigation', async () => {
    api();
    const first = renderComposer();
    await userEvent.type(box(), 'half-written answer');
    first.unmount();
    renderComposer();
    expect(box().value).toBe('half-written answer');
  });

  it('warns when another agent replied after I started typing', async () => {
    api();
    const view = renderComposer();
    await userEvent.type(box(), 'Let me check');
    expect(screen.queryByRole('alert')).toBeNull();
    const later = make.message(50, {
      direction: 'outbound',
      authorAgentId: 5,
      text: 'Already refunded',
      sortTs: Date.now() + 1000,
    });
    act(() =>
      view.rerender(
        <Composer
          thread={thread}
          customer={make.customer()}
          me={me}
          messages={[make.message(1), later]}
          agents={agents}
          onSent={() => {}}
        />,
      ),
    );
    expect(screen.getByRole('alert').textContent).toContain('Lena Lead replied to this customer while you were typing');
  });
});
