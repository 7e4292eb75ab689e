import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Timeline } from '#client/features/thread/Timeline';
import { buildTimelineRows } from '#client/features/thread/timelineRows';
import { make, mockApi, namesOf, renderWith, textOf } from '#tests/client/helpers/harness';

const names = { agentName: (id: number) => ({ 5: 'Lena Lead', 6: 'Nok Srisuk' })[id], teamName: () => 'Europe' };
const noop = { retry: () => {}, discard: () => {}, edit: () => {} };
const DAY = 86_400_000;
const ep = make.episode;

function props(rows: ReturnType<typeof buildTimelineRows>, extra: Partial<Parameters<typeof Timeline>[0]> = {}) {
  return {
    rows,
    customerName: 'Kasia Nowak',
    names,
    myId: 1,
    hasOlder: false,
    loadingOlder: false,
    loadOlder: () => {},
    pendingActions: noop,
    ...extra,
  };
}

describe('thread timeline', () => {
  it('reads as one conversation across channels and episodes', () => {
    const t0 = 1_760_000_000_000;
    const messages = [
      make.message(1, {
        sortTs: t0,
        text: 'Paczka nie dotarła',
        sentiment: { score: -0.6, label: 'negative', language: 'pl' },
      }),
      make.message(2, {
        sortTs: t0 + 60_000,
        direction: 'outbound',
        authorAgentId: 5,
        channel: 'sms',
        text: 'Sprawdzam!',
        deliveryStatus: 'read',
        waitedMs: 6 * 60_000,
      }),
      make.message(3, {
        sortTs: t0 + 120_000,
        direction: 'note',
        authorAgentId: 6,
        channel: null,
        text: 'Courier lost it, refund approved',
      }),
      make.message(4, {
        sortTs: t0 + 130_000,
        direction: 'system',
        channel: null,
        systemKind: 'status',
        text: 'Lena Lead set the status to resolved',
      }),
      make.message(5, {
        sortTs: t0 + 3 * DAY,
        episodeId: 2,
        channel: 'whatsapp',
        text: 'Hej, znowu ja',
        attachments: [{ kind: 'image', name: 'paragon.jpg', url: 'https://cdn.example.com/p.jpg', size: 2048 }],
      }),
      make.message(6, {
        sortTs: t0 + 3 * DAY + 60_000,
        episodeId: 2,
        direction: 'outbound',
        authorAgentId: 1,
        channel: 'whatsapp',
        text: 'Już sprawdzam',
        deliveryStatus: 'failed',
        deliveryError: 'WhatsApp 24-hour window closed',
      }),
    ];
    const episodes = [
      ep(1, 1, { resolvedAt: t0 + 130_000, surveyKind: 'csat', surveyScore: 4 }),
      ep(2, 2, { openedAt: t0 + 3 * DAY }),
    ];
    const calls = mockApi([
      [
        'POST',
        /^\/api\/messages\/6\/retry$/,
        () => ({ ...messages.find((m) => m.id === 6), deliveryStatus: 'queued', deliveryError: null }),
      ],
    ]);
    renderWith(<Timeline {...props(buildTimelineRows(messages, episodes))} />);
    const log = screen.getByRole('list', { name: 'Conversation history' });

    const first = within(log).getByText('Paczka nie dotarła').closest('.msg') as HTMLElement;
    expect(namesOf(first, 'img')).toEqual(expect.arrayContaining(['SMS', 'Sentiment: negative (-0.60)']));
    const reply = within(log).getByText('Sprawdzam!').closest('.msg') as HTMLElement;
    expect(textOf(reply)).toContain('Customer waited 6m');
    expect(textOf(reply)).toContain('Read');
    const note = within(log).getByRole('note', { name: 'Internal note by Nok Srisuk' });
    expect(textOf(note)).toContain('Internal note');
    expect(textOf(note)).toContain('only agents see this');
    const logText = textOf(log);
    expect(logText).toContain('Lena Lead set the status to resolved');
    expect(logText).toMatch(/Episode 1 resolved.*CSAT 4\/5/);
    expect(logText).toMatch(/Re-opened as episode 2/);
    expect(logText).toContain('Customer switched from SMS to WhatsApp');
    expect(
      within(log)
        .getByRole('link', { name: /paragon\.jpg/ })
        .getAttribute('href'),
    ).toBe('/api/messages/5/attachments/0'); // customer files download through Braid's guarded fetch

    const failed = within(log).getByText('Już sprawdzam').closest('.msg') as HTMLElement;
    expect(within(failed).getByRole('alert').textContent).toContain('Not delivered: WhatsApp 24-hour window closed');
    fireEvent.click(within(failed).getByRole('button', { name: 'Retry' }));
    return waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.path === '/api/messages/6/retry')).toBe(true),
    );
  });

  it('marks a closing thanks after a resolve as kept resolved, with no re-open divider', () => {
    const t0 = 1_760_000_000_000;
    const messages = [
      make.message(1, { sortTs: t0, text: 'Gdzie jest paczka?' }),
      make.message(2, {
        sortTs: t0 + 60_000,
        direction: 'system',
        channel: null,
        systemKind: 'status',
        text: 'Lena Lead set the status to resolved',
      }),
      make.message(3, { sortTs: t0 + 120_000, text: 'Dziękuję! 🙏', meta: { closingCourtesy: true } }),
    ];
    renderWith(<Timeline {...props(buildTimelineRows(messages, [ep(1, 1, { resolvedAt: t0 + 60_000 })]))} />);
    const log = screen.getByRole('list', { name: 'Conversation history' });
    const thanks = within(log).getByText('Dziękuję! 🙏').closest('.msg') as HTMLElement;
    const tag = within(thanks).getByText('Thanks after resolve: kept resolved');
    expect(tag.getAttribute('title')).toMatch(/no SLA clock/);
    expect(within(log).getByText('Gdzie jest paczka?').closest('.msg')!.textContent).not.toMatch(/kept resolved/);
    expect(textOf(log)).not.toMatch(/Re-opened/);
  });

  it('renders system entries in the agent language when the structured facts are present', () => {
    const m = make.message(1, {
      direction: 'system',
      channel: null,
      systemKind: 'assigned',
      text: 'Lena Lead assigned the thread to Nok Srisuk',
    });
    const rows = buildTimelineRows([{ ...m, meta: { actorId: 5, assigneeId: 6 } } as typeof m], []);
    renderWith(<Timeline {...props(rows)} />);
    expect(textOf(document.body)).toContain('Lena Lead assigned the conversation to Nok Srisuk');
    expect(textOf(document.body)).not.toContain('assigned the thread'); // the server's English text is replaced
  });

  it('opens a 5,000-message history at the newest message, rendering only a window', async () => {
    const messages = Array.from({ length: 5_000 }, (_, i) => make.message(i + 1, { text: `line ${i + 1}` }));
    const t0 = performance.now();
    renderWith(<Timeline {...props(buildTimelineRows(messages, []))} />);
    console.log(`[bench] timeline with 5,000 messages rendered in ${(performance.now() - t0).toFixed(0)} ms (jsdom)`);
    const log = screen.getByRole('list', { name: 'Conversation history' });
    expect(within(log).getAllByRole('listitem').length).toBeLessThan(60);
    await waitFor(() => expect(textOf(log)).toContain('line 5000'));
    expect(within(log).queryByText('line 1')).toBeNull();
  });

  it('asks for older pages once the top of the loaded history is on screen', async () => {
    const loadOlder = vi.fn();
    renderWith(
      <Timeline {...props(buildTimelineRows([make.message(1), make.message(2)], []), { hasOlder: true, loadOlder })} />,
    );
    await waitFor(() => expect(loadOlder).toHaveBeenCalled());
    expect(namesOf(document.body, 'button')).toContain('Load older messages');
  });
});
