import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LoggedEvent } from '#shared/schemas/events';
import { MonitorView } from '#client/features/thread/MonitorView';
import { MessageItem } from '#client/features/thread/MessageItem';
import { WhisperToast } from '#client/features/thread/WhisperToast';
import { make, mockApi, renderWith, textOf } from '#tests/client/helpers/harness';

const lena = make.agent(7, 'Lena Lead', { role: 'lead' });
const bo = make.agent(3, 'Bo Agent');
const names = { agentName: (id: number) => [lena, bo].find((a) => a.id === id)?.name, teamName: () => undefined };
const whisperOf = (id: number, forAgentId: number | null) =>
  make.message(id, {
    direction: 'note',
    channel: null,
    identityId: null,
    authorAgentId: lena.id,
    text: 'Offer the refund',
    meta: { whisper: true, forAgentId },
  });

function serve(openStatus = 200) {
  const thread = make.thread(1, { customer: { id: 1, name: 'Kasia Nowak' }, assigneeId: bo.id });
  return mockApi([
    [
      'POST',
      /^\/api\/threads\/1\/monitor$/,
      () =>
        openStatus === 200
          ? { views: [{ agentId: lena.id, agentName: 'Lena Lead', at: 1_760_000_000_000 }] }
          : { status: openStatus, json: { error: 'you cannot access this thread', code: 'forbidden' } },
    ],
    ['GET', /^\/api\/threads\/1$/, () => ({ thread, customer: make.customer(), episodes: [] })],
    ['GET', /^\/api\/threads\/1\/messages/, () => ({ items: [make.message(1, { text: 'Gdzie?' })], before: null })],
    ['GET', /^\/api\/agents/, () => ({ items: [lena, bo] })],
    ['GET', /^\/api\/teams/, () => ({ items: [] })],
    [
      'POST',
      /^\/api\/threads\/1\/whispers$/,
      (c) => ({ status: 201, json: { ...whisperOf(50, bo.id), text: (c.body as { text: string }).text } }),
    ],
  ]);
}

describe('monitor view', () => {
  it('is read-only, records the opening, never marks read or announces a viewer, and shows the agent typing', async () => {
    const calls = serve();
    const { rt } = renderWith(<MonitorView threadId={1} me={lena} />);
    expect(await screen.findByText('Monitoring · read only')).not.toBeNull();
    expect(screen.queryByText('Viewed by Lena Lead (monitor) at', { exact: false })).not.toBeNull();
    expect(screen.queryByText('Assigned to Bo Agent')).not.toBeNull();
    // No composer, no thread actions: the only box is the whisper.
    expect(screen.getAllByRole('textbox').map((b) => b.getAttribute('placeholder'))).toEqual([
      'Only agents see a whisper; the customer never does.',
    ]);
    expect(screen.queryByRole('button', { name: /resolve|take|assign/i })).toBeNull();

    act(() => rt.pushed.setViewers({ threadId: 1, viewers: [{ agentId: bo.id, typing: true }] }));
    expect(screen.queryByText('Bo Agent is typing…')).not.toBeNull();

    await new Promise((r) => setTimeout(r, 500)); // longer than the thread view's read-mark delay
    expect(calls.filter((c) => c.path.endsWith('/read'))).toEqual([]);
    expect(calls.filter((c) => c.method === 'POST' && c.path === '/api/threads/1/monitor')).toHaveLength(1);
    expect(rt.viewed).toEqual([]);
  });

  it('sends a whisper and shows it in the timeline', async () => {
    const calls = serve();
    renderWith(<MonitorView threadId={1} me={lena} />);
    const box = await screen.findByRole('textbox', { name: 'Whisper to the agent' });
    expect(screen.queryByText('Highlighted for Bo Agent')).not.toBeNull();
    await userEvent.type(box, 'Try the refund');
    await userEvent.click(screen.getByRole('button', { name: 'Whisper' }));
    const note = await screen.findByRole('note', { name: 'Whisper from You' });
    expect(within(note).queryByText('Try the refund')).not.toBeNull();
    const sent = calls.find((c) => c.path === '/api/threads/1/whispers');
    expect(sent?.body).toMatchObject({ text: 'Try the refund', clientId: expect.any(String) });
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(''));
  });

  it('explains a refusal (an agent, or a lead of another team)', async () => {
    serve(403);
    renderWith(<MonitorView threadId={1} me={lena} />);
    const alert = await screen.findByRole('alert');
    expect(textOf(alert)).toBe('Only team leads (for their teams), supervisors and admins can monitor a conversation.');
  });
});

describe('whisper highlight', () => {
  it('stands out for the agent it was left for, and is a plain-looking whisper for colleagues', () => {
    const mine = renderWith(
      <MessageItem message={whisperOf(5, bo.id)} customerName="Kasia" names={names} myId={bo.id} />,
    );
    const forBo = mine.getByRole('note', { name: 'Whisper from Lena Lead' });
    expect(forBo.className).toBe('msg note whisper for-me');
    expect(within(forBo).queryByText('for you')).not.toBeNull();
    mine.unmount();

    const other = renderWith(
      <MessageItem message={whisperOf(5, bo.id)} customerName="Kasia" names={names} myId={99} />,
    );
    const forOthers = other.getByRole('note', { name: 'Whisper from Lena Lead' });
    expect(forOthers.className).toBe('msg note whisper');
    expect(within(forOthers).queryByText('for you')).toBeNull();
  });

  it('pops a toast for the assigned agent only', async () => {
    mockApi([['GET', /^\/api\/agents/, () => ({ items: [lena, bo] })]]);
    const { rt } = renderWith(<WhisperToast me={bo} />);
    await new Promise((r) => setTimeout(r, 50)); // let the agent directory load
    const event = (forAgentId: number | null, id: number) =>
      ({
        type: 'message.created',
        seq: id,
        message: { ...whisperOf(id, forAgentId), receivedAt: Date.now() },
        thread: make.thread(1, { customer: { id: 1, name: 'Kasia Nowak' } }),
      }) as unknown as LoggedEvent;
    act(() => rt.listeners.forEach((fn) => fn(event(99, 60))));
    expect(screen.queryByRole('status')).toBeNull();
    act(() => rt.listeners.forEach((fn) => fn(event(bo.id, 61))));
    const toast = screen.getByRole('status', { name: 'Whispers' });
    expect(textOf(toast)).toContain('Lena Lead whispered on Kasia Nowak');
  });
});
