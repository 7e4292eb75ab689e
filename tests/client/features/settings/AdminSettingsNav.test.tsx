import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Agent } from '#shared/schemas/agent';
import { InboxPage } from '#client/features/inbox/InboxPage';
import { navigate } from '#client/router';
import { make, mockApi, namesOf, renderWith, textOf, type Call } from '#tests/client/helpers/harness';

function serve(me: Agent): Call[] {
  return mockApi([
    ['GET', /^\/api\/threads\?/, () => ({ items: [], nextCursor: null })],
    [
      'GET',
      /^\/api\/threads\/counts/,
      () => ({
        mine: 0,
        unassigned: 0,
        all: 0,
        teams: [],
        channels: [],
        statuses: { open: 0, pending: 0, snoozed: 0, resolved: 0 },
        unreadMine: 0,
      }),
    ],
    ['GET', /^\/api\/agents$/, () => ({ items: [me, make.agent(2, 'Kasia Nowak')] })],
    ['GET', /^\/api\/teams$/, () => ({ items: [{ id: 1, name: 'Support PL', autoAssign: false, memberIds: [2] }] })],
    ['GET', /^\/api\/canned-responses$/, () => ({ items: [] })],
    ['GET', /^\/api\/sla-policies$/, () => ({ items: [] })],
    ['GET', /^\/api\/scorecards\?archived=include$/, () => ({ items: [] })],
    ['GET', /^\/api\/api-keys$/, () => ({ items: [] })],
    ['GET', /^\/api\/webhook-endpoints$/, () => ({ items: [] })],
    ['GET', /^\/api\/audit\?/, () => ({ items: [], nextCursor: null })],
  ]);
}

/** The settings menu in its order: the pages leads may read, then those only admins may. */
const LEAD_PAGES = ['Canned replies', 'Agents', 'Teams', 'SLA policies', 'Scorecards', 'Wait predictions'];
const ADMIN_PAGES = ['Channel routing', 'API keys', 'Outbound webhooks', 'Audit log'];

afterEach(() => {
  act(() => navigate('/'));
  vi.unstubAllGlobals();
});

describe('settings navigation', () => {
  // Ten settings pages, each a lazy chunk loaded on first visit: 13 s alone, over 20 s in a full client run on two busy cores.
  it('takes an admin from the top bar to every settings page, each loaded on demand', async () => {
    const me = make.agent(1, 'Ada Admin', { role: 'admin' });
    const calls = serve(me);
    renderWith(<InboxPage me={me} />);
    const link = screen.getByRole('link', { name: 'Settings' });
    expect(link.getAttribute('href')).toBe('/settings/canned');
    await userEvent.click(link);
    expect(window.location.pathname).toBe('/settings/canned');
    expect(link.getAttribute('aria-current')).toBe('page');
    const nav = screen.getByRole('navigation', { name: 'Settings' });
    expect(namesOf(nav, 'link')).toEqual([...LEAD_PAGES, ...ADMIN_PAGES]);
    expect(within(nav).getByRole('link', { name: 'Canned replies' }).getAttribute('aria-current')).toBe('page');
    await screen.findByRole('heading', { level: 1, name: 'Canned replies' });

    for (const [name, path] of [
      ['Agents', '/settings/agents'],
      ['Teams', '/settings/teams'],
      ['SLA policies', '/settings/sla'],
      ['Scorecards', '/settings/scorecards'],
      ['Wait predictions', '/settings/predictions'],
      ['Channel routing', '/settings/routing'],
      ['API keys', '/settings/api-keys'],
      ['Outbound webhooks', '/settings/webhooks'],
      ['Audit log', '/settings/audit'],
    ]) {
      await userEvent.click(within(nav).getByRole('link', { name }));
      expect(window.location.pathname).toBe(path);
      await screen.findByRole('heading', { level: 1, name });
      expect(within(nav).getByRole('link', { name }).getAttribute('aria-current')).toBe('page');
    }
    await waitFor(() => expect(calls.some((c) => c.path === '/api/api-keys')).toBe(true));
    expect(calls.some((c) => c.path === '/api/webhook-endpoints')).toBe(true);
    expect(calls.some((c) => c.path.startsWith('/api/audit?'))).toBe(true);

    // Picking an inbox view leaves settings.
    await userEvent.click(screen.getByRole('button', { name: 'All open' }));
    expect(window.location.pathname).toBe('/');
    expect(screen.queryByRole('navigation', { name: 'Settings' })).toBeNull();
  }, 60_000);

  it('offers leads the pages they may read, and says so for the others', async () => {
    const me = make.agent(5, 'Lena Lead', { role: 'lead' });
    const calls = serve(me);
    renderWith(<InboxPage me={me} />);
    await userEvent.click(screen.getByRole('link', { name: 'Settings' }));
    expect(namesOf(screen.getByRole('navigation', { name: 'Settings' }), 'link')).toEqual(LEAD_PAGES);
    act(() => navigate('/settings/api-keys'));
    expect((await within(screen.getByRole('main')).findByText('Only admins can see this page.')).tagName).toBe('P');
    expect(
      within(screen.getByRole('navigation', { name: 'Settings' })).queryAllByRole('link', { current: 'page' }),
    ).toEqual([]);
    expect(calls.some((c) => c.path === '/api/api-keys')).toBe(false);
    act(() => navigate('/settings/nothing-here'));
    await screen.findByText('There is no settings page at this address.');
  });

  it('gives agents no way into settings', async () => {
    const me = make.agent(6, 'Ann Agent');
    serve(me);
    renderWith(<InboxPage me={me} />);
    await screen.findByRole('navigation', { name: 'Inbox views' });
    expect(screen.queryByRole('link', { name: 'Settings' })).toBeNull();
    act(() => navigate('/settings/agents'));
    expect(textOf(await screen.findByRole('main'))).toBe('Only team leads, supervisors and admins can see this page.');
  });
});
