import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { ThreadList } from '#client/features/inbox/ThreadList';
import { Sidebar } from '#client/features/inbox/Sidebar';
import { make, mockApi, namesOf, renderWith, textOf } from '#tests/client/helpers/harness';

const agents = new Map([[7, make.agent(7, 'Lena Lead')]]);
const base = {
  total: undefined,
  loading: false,
  hasMore: false,
  loadingMore: false,
  loadMore: () => {},
  selectedId: null,
  agents,
  myId: 1,
  label: 'All open',
};

describe('thread list', () => {
  it('shows who, where, what, how long, how they feel, SLA, unread and assignee for each row', () => {
    const threads = [
      make.thread(1, {
        customer: { id: 1, name: 'Kasia Nowak' },
        channels: ['sms', 'whatsapp'],
        unreadCount: 3,
        assigneeId: 7,
        lastMessagePreview: 'Halo? Jest tam ktoś?',
        sentiment: { score: -0.7, label: 'negative', language: 'pl' },
        sla: { state: 'breached', kind: 'first_response', dueAt: Date.now() - 5.5 * 60_000, policyName: 'Gold' },
      }),
      make.thread(2, { customer: { id: 2, name: 'Wei Zhang' }, waitingSince: null, sla: null }),
    ];
    renderWith(<ThreadList {...base} items={threads} selectedId={1} />);
    const list = screen.getByRole('list', { name: 'Conversations' });
    const rows = within(list).getAllByRole('link');
    expect(rows).toHaveLength(2);
    const kasia = screen.getByRole('link', { name: /Kasia Nowak/ });
    expect(kasia.getAttribute('aria-current')).toBe('true');
    expect(namesOf(kasia, 'img')).toEqual(
      expect.arrayContaining(['SMS', 'WhatsApp', 'Assigned to Lena Lead', 'Sentiment: negative (-0.70)']),
    );
    expect(textOf(kasia)).toContain('Halo? Jest tam ktoś?');
    expect(within(kasia).getByLabelText('3 unread messages').textContent).toBe('3');
    // In words: which target, and by how much it is late (not "SLA −5m").
    expect(textOf(kasia)).toContain('First reply overdue by 5 min');
    expect(within(kasia).getByLabelText('Waiting time').textContent).toBe('20m');
    const wei = screen.getByRole('link', { name: /Wei Zhang/ });
    expect(within(wei).queryByLabelText('Waiting time')).toBeNull();
    expect(namesOf(wei, 'img')).toContain('Unassigned');
    expect(namesOf(wei, 'img').filter((n) => n.startsWith('Assigned to'))).toEqual([]);
  });

  it('says when the running SLA target is due in words, and shows no badge on resolved rows', () => {
    const threads = [
      make.thread(1, {
        sla: { state: 'ok', kind: 'next_response', dueAt: Date.now() + 12.5 * 60_000, policyName: 'Gold' },
      }),
      make.thread(2, {
        customer: { id: 2, name: 'Wei Zhang' },
        sla: { state: 'breached', kind: 'resolution', dueAt: Date.now() - 64.5 * 60_000, policyName: 'Gold' },
      }),
      make.thread(3, {
        customer: { id: 3, name: 'Somchai' },
        status: 'resolved',
        sla: { state: 'ok', kind: null, dueAt: null, policyName: 'Gold' },
      }),
    ];
    renderWith(<ThreadList {...base} items={threads} />);
    expect(textOf(screen.getByRole('link', { name: /Customer 1/ }))).toContain('Next reply due in 12 min');
    expect(textOf(screen.getByRole('link', { name: /Wei Zhang/ }))).toContain('Resolution overdue by 1 hr 4 min');
    expect(textOf(screen.getByRole('link', { name: /Somchai/ }))).not.toMatch(/SLA|due|overdue/);
  });

  it('renders only the visible window of 10,000 threads, and asks for the next page near the end', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => make.thread(i + 1));
    const loadMore = vi.fn();
    const t0 = performance.now();
    const { rerender } = renderWith(<ThreadList {...base} items={many} total={10_000} hasMore loadMore={loadMore} />);
    const ms = performance.now() - t0;
    console.log(`[bench] thread list with 10,000 threads rendered in ${ms.toFixed(0)} ms (jsdom)`);
    const rows = screen.getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0].getAttribute('aria-setsize')).toBe('10000');
    expect(loadMore).not.toHaveBeenCalled();
    rerender(<ThreadList {...base} items={many.slice(0, 20)} hasMore loadMore={loadMore} />);
    expect(loadMore).toHaveBeenCalled();
  });

  it('sidebar shows live counts for queues, teams, channels and statuses', async () => {
    mockApi([
      [
        'GET',
        /^\/api\/threads\/counts/,
        () => ({
          mine: 2,
          unassigned: 5,
          all: 9,
          teams: [{ teamId: 1, count: 6 }],
          channels: [
            { channel: 'line', count: 4 },
            { channel: 'email', count: 0 },
          ],
          statuses: { open: 9, pending: 1, snoozed: 0, resolved: 40 },
          unreadMine: 3,
        }),
      ],
      ['GET', /^\/api\/teams/, () => ({ items: [{ id: 1, name: 'Asia Pacific', autoAssign: false, memberIds: [1] }] })],
    ]);
    const onSelect = vi.fn();
    renderWith(<Sidebar me={make.agent(1, 'Alex')} view="all" onSelect={onSelect} />);
    const nav = screen.getByRole('navigation', { name: 'Inbox views' });
    await waitFor(() =>
      expect(namesOf(nav, 'button')).toEqual(
        expect.arrayContaining(['Mine 2', 'Unassigned 5', 'All open 9', 'Asia Pacific 6', 'LINE 4']),
      ),
    );
    expect(within(nav).getByRole('button', { name: 'All open 9' }).getAttribute('aria-current')).toBe('true');
    expect(within(nav).queryByRole('button', { name: /Email/ })).toBeNull();
    within(nav).getByRole('button', { name: 'Resolved 40' }).click();
    expect(onSelect).toHaveBeenCalledWith('status:resolved');
  });
});
