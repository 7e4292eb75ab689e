import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InboxPage } from '#client/features/inbox/InboxPage';
import { navigate } from '#client/router';
import { make, mockApi, namesOf, renderWith } from '#tests/client/helpers/harness';

const me = make.agent(1, 'Alex Agent');
const threads = [
  make.thread(1, { customer: { id: 1, name: 'Kasia Nowak' }, assigneeId: 1 }),
  make.thread(2, { customer: { id: 2, name: 'Wei Zhang' } }),
];

function serve() {
  return mockApi([
    ['GET', /^\/api\/threads\?/, () => ({ items: threads, nextCursor: null })],
    [
      'GET',
      /^\/api\/threads\/counts/,
      () => ({
        mine: 1,
        unassigned: 1,
        all: 2,
        teams: [],
        channels: [{ channel: 'sms', count: 2 }],
        statuses: { open: 2, pending: 0, snoozed: 0, resolved: 0 },
        unreadMine: 4,
      }),
    ],
    ['GET', /^\/api\/agents/, () => ({ items: [me] })],
    ['GET', /^\/api\/teams/, () => ({ items: [] })],
    ['GET', /^\/api\/canned-responses/, () => ({ items: [] })],
    [
      'GET',
      /^\/api\/threads\/(\d+)$/,
      (c) => {
        const id = Number(/(\d+)$/.exec(c.path)![1]);
        const t = threads.find((x) => x.id === id)!;
        return { thread: t, customer: make.customer({ id, name: t.customer.name }), episodes: [] };
      },
    ],
    [
      'GET',
      /^\/api\/threads\/\d+\/messages/,
      (c) => ({
        items: [make.message(Number(/threads\/(\d+)/.exec(c.path)![1]) * 100, { text: 'hello' })],
        before: null,
      }),
    ],
    ['GET', /^\/api\/customers\/\d+$/, () => ({ customer: make.customer(), threadId: 1, merges: [], suggestions: [] })],
    ['POST', /^\/api\/threads\/\d+\/read$/, () => ({ ok: true })],
  ]);
}

afterEach(() => {
  act(() => navigate('/'));
  vi.unstubAllGlobals();
});

describe('workspace keyboard and alerts', () => {
  it('moves through the list with j/k, jumps to the reply box with r, and shows help with ?', async () => {
    serve();
    renderWith(<InboxPage me={me} />);
    await screen.findByRole('link', { name: /Kasia Nowak/ });
    const openThread = () => namesOf(document.body, 'heading').filter((h) => h === 'Kasia Nowak' || h === 'Wei Zhang');
    await userEvent.keyboard('j');
    await waitFor(() => expect(openThread()).toEqual(['Kasia Nowak']));
    expect(window.location.pathname).toBe('/t/1');
    await userEvent.keyboard('j');
    await waitFor(() => expect(openThread()).toEqual(['Wei Zhang']));
    await userEvent.keyboard('k');
    await waitFor(() => expect(openThread()).toEqual(['Kasia Nowak']));
    const box = await screen.findByRole('textbox', { name: 'Message' });
    await userEvent.keyboard('r');
    expect(document.activeElement).toBe(box);
    await userEvent.keyboard('j'); // typing, not navigating
    expect(window.location.pathname).toBe('/t/1');
    await userEvent.keyboard('{Escape}?');
    await waitFor(() => expect(namesOf(document.body, 'dialog')).toEqual(['Keyboard shortcuts']));
    await userEvent.keyboard('{Escape}/');
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Search customers' }));
  });

  it('puts my unread count in the tab title and alerts me to new messages in my threads', async () => {
    serve();
    const chime = vi.fn();
    const notes: Array<{ title: string; body?: string }> = [];
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = vi.fn();
      onclick: (() => void) | null = null;
      constructor(title: string, opts: { body?: string }) {
        notes.push({ title, body: opts.body });
      }
      close() {}
    }
    vi.stubGlobal('Notification', FakeNotification);
    class FakeAudio {
      currentTime = 0;
      destination = {};
      createOscillator = () => ({
        frequency: {},
        connect: () => ({ connect: () => {} }),
        start: chime,
        stop: () => {},
      });
      createGain = () => ({ gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: () => ({}) });
    }
    vi.stubGlobal('AudioContext', FakeAudio);
    const { rt } = renderWith(<InboxPage me={me} />);
    await waitFor(() => expect(document.title).toBe('(4) Braid'));
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    const event = {
      type: 'message.created' as const,
      seq: 1,
      message: make.message(9, { threadId: 1, text: 'Halo? Jest tam ktoś?', receivedAt: Date.now() }),
      thread: threads[0],
    };
    act(() => rt.listeners.forEach((fn) => fn(event)));
    expect(notes).toEqual([{ title: 'New message from Kasia Nowak', body: 'Halo? Jest tam ktoś?' }]);
    expect(chime).toHaveBeenCalled();
    // Muted: nothing.
    await userEvent.click(screen.getByRole('button', { name: 'Mute alerts' }));
    act(() => rt.listeners.forEach((fn) => fn({ ...event, seq: 2 })));
    expect(notes).toHaveLength(1);
    // Not my thread: nothing either.
    await userEvent.click(screen.getByRole('button', { name: 'Unmute alerts' }));
    act(() =>
      rt.listeners.forEach((fn) =>
        fn({ ...event, seq: 3, thread: threads[1], message: { ...event.message, threadId: 2 } }),
      ),
    );
    expect(notes).toHaveLength(1);
  });
});
