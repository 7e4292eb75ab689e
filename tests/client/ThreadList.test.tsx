import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { ThreadList } from '../../client/features/inbox/ThreadList';
import { Sidebar } from '../../client/features/inbox/Sidebar';
import { make, mockApi, renderWith } from './harness';

const agents = new Map([[7, make.agent(7, 'Lena Lead')]]);
const base = { total: undefined, loading: false, hasMore: false, loadingMore: false, loadMore: () => {}, selectedId: null, agents, myId: 1, label: 'All open' };

describe('thread list', () => {
  it('shows who, where, what, how long, how they feel, SLA, unread and assignee for each row', () => {
    const threads = [
      make.thread(1, { customer: { id: 1, name: 'Kasia Nowak' }, channels: ['sms', 'whatsapp'], unreadCount: 3, assigneeId: 7, lastMessagePreview: 'Halo? Jest tam ktoś?', sentiment: { score: -0.7, label: 'negative', language: 'pl' }, sla: { state: 'breached', kind: 'first_response', dueAt: Date.now() - 5.5 * 60_000, policyName: 'Gold' } }),
      make.thread(2, { customer: { id: 2, name: 'Wei Zhang' }, waitingSince: null, sla: null }),
    ];
    renderWith(<ThreadList {...base} items={threads} selectedId={1} />);
    const list = screen.getByRole('list', { name: 'Conversations' });
    const rows = within(list).getAllByRole('link');
    expect(rows).toHaveLength(2);
    const kasia = screen.getByRole('link', { name: /Kasia Nowak/ });
    expect(kasia.getAttribute('aria-current')).toBe('true');
    expect(within(kasia).getByRole('img', { name: 'SMS' })).toBeTruthy();
    expect(within(kasia).getByRole('img', { name: 'WhatsApp' })).toBeTruthy();
    expect(within(kasia).getByText('Halo? Jest tam ktoś?')).toBeTruthy();
    expect(within(kasia).getByLabelText('3 unread messages')).toBeTruthy();
    expect(within(kasia).getByRole('img', { name: 'Assigned to Lena Lead' })).toBeTruthy();
    expect(within(kasia).getByRole('img', { name: 'Sentiment: negative (-0.70)' })).toBeTruthy();
    expect(within(kasia).getByRole('img', { name: 'SLA: First reply overdue 5m' }).textContent).toBe('SLA −5m');
    expect(within(kasia).getByLabelText('Waiting time').textContent).toBe('20m');
    const wei = screen.getByRole('link', { name: /Wei Zhang/ });
    expect(within(wei).queryByLabelText('Waiting time')).toBeNull();
    expect(within(wei).getByRole('img', { name: 'Unassigned' })).toBeTruthy();
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
      ['GET', /^\/api\/threads\/counts/, () => ({ mine: 2, unassigned: 5, all: 9, teams: [{ teamId: 1, count: 6 }], channels: [{ channel: 'line', count: 4 }, { channel: 'email', count: 0 }], statuses: { open: 9, pending: 1, snoozed: 0, resolved: 40 }, unreadMine: 3 })],
      ['GET', /^\/api\/teams/, () => ({ items: [{ id: 1, name: 'Asia Pacific', autoAssign: false, memberIds: [1] }] })],
    ]);
    const onSelect = vi.fn();
    renderWith(<Sidebar me={make.agent(1, 'Alex')} view="all" onSelect={onSelect} />);
    const nav = screen.getByRole('navigation', { name: 'Inbox views' });
    expect(await within(nav).findByRole('button', { name: 'Mine 2' })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: 'Unassigned 5' })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: 'All open 9' }).getAttribute('aria-current')).toBe('true');
    expect(await within(nav).findByRole('button', { name: 'Asia Pacific 6' })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: 'LINE 4' })).toBeTruthy();
    expect(within(nav).queryByRole('button', { name: /Email/ })).toBeNull();
    within(nav).getByRole('button', { name: 'Resolved 40' }).click();
    expect(onSelect).toHaveBeenCalledWith('status:resolved');
  });
});
