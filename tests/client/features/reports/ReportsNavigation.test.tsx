import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ReportsPage from '#client/features/reports/ReportsPage';
import { Topbar } from '#client/features/inbox/Topbar';
import { make, mockApi, renderWith } from '#tests/client/helpers/harness';
import { agents, figures, leading, MIN } from '#tests/client/helpers/reportFixtures';

// The reports screen over time and in the address: sparklines of earlier periods, filters and the
// picked figure kept in the URL, and the agent's count of reviews to acknowledge in the top bar.

afterEach(() => vi.unstubAllGlobals());

describe('agents × metrics sparklines', () => {
  it('draws each figure over the earlier periods the report carries and this one, from one request', async () => {
    const period = (k: number, first: number) => ({
      from: k,
      to: k + 1,
      items: [{ agentId: 1, ...figures(first * MIN, 4.5) }],
    });
    const calls = mockApi([
      [
        'GET',
        /^\/api\/reports\/agents\?/,
        () => ({ ...agents, items: [agents.items[0]], earlier: [period(0, 8), period(1, 7), period(2, 6)] }),
      ],
      ['GET', /^\/api\/reports\/leading\?/, () => leading],
      ['GET', /^\/api\/reports\/teams\?/, () => ({ status: 500, json: { error: 'not in this test' } })],
      ['GET', /^\/api\/reviews\/queue\?/, () => ({ items: [] })],
    ]);
    renderWith(<ReportsPage me={make.agent(7, 'Sue', { role: 'supervisor' })} teams={[]} />);
    const line = await screen.findByRole('img', { name: 'Ada: First response over the last 4 periods' });
    const asked = calls.filter((c) => c.path.startsWith('/api/reports/agents'));
    expect(asked).toHaveLength(1);
    expect(new URL(asked[0].path, 'http://x').searchParams.get('periods')).toBe('4');
    // The current period (2 min) is the fastest: the line ends at its lowest point (largest y).
    const ys = line
      .querySelector('polyline')!
      .getAttribute('points')!
      .split(' ')
      .map((p) => Number(p.split(',')[1]));
    expect(ys).toHaveLength(4);
    expect(ys[3]).toBe(Math.max(...ys));
    expect(ys[0]).toBe(Math.min(...ys));
  });
});

describe('report address', () => {
  it('reads filters and the picked figure from the address, and writes changes back to it', async () => {
    const from = Date.UTC(2026, 1, 1);
    const to = Date.UTC(2026, 2, 1);
    window.history.replaceState(
      null,
      '',
      `/reports?from=${from}&to=${to}&teamId=2&time=business&drill=firstResponse&drillAgent=3&drillLabel=Cy%3A+First+response`,
    );
    const calls = mockApi([
      ['GET', /^\/api\/reports\/agents\?/, () => agents],
      ['GET', /^\/api\/reports\/leading\?/, () => leading],
      ['GET', /^\/api\/reports\/teams\?/, () => ({ status: 500, json: { error: 'not in this test' } })],
      ['GET', /^\/api\/reviews/, () => ({ items: [] })],
      ['GET', /^\/api\/reports\/conversations\?/, () => ({ metric: 'firstResponse', total: 0, items: [] })],
    ]);
    const teams = [{ id: 2, name: 'Europe', autoAssign: false, memberIds: [] }];
    renderWith(<ReportsPage me={make.agent(7, 'Sue', { role: 'supervisor' })} teams={teams} />);
    expect(await screen.findByRole('region', { name: /Cy: First response/ })).not.toBeNull();
    const q = (prefix: string) => new URL(calls.find((c) => c.path.startsWith(prefix))!.path, 'http://x').searchParams;
    expect(Object.fromEntries(q('/api/reports/conversations'))).toMatchObject({
      from: String(from),
      to: String(to),
      teamId: '2',
      time: 'business',
      agentId: '3',
      metric: 'firstResponse',
    });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'sms');
    const now = new URLSearchParams(window.location.search);
    expect(window.location.pathname).toBe('/reports');
    expect(Object.fromEntries(now)).toEqual({
      from: String(from),
      to: String(to),
      teamId: '2',
      channel: 'sms',
      time: 'business',
    });
    expect(screen.queryByRole('region', { name: /Cy: First response/ })).toBeNull();
  });

  it('ignores an address it cannot read and shows the last 30 days', async () => {
    window.history.replaceState(null, '', '/reports?from=abc&to=-5&channel=fax&drill=everything');
    const calls = mockApi([
      ['GET', /^\/api\/reports\/agents\?/, () => agents],
      ['GET', /^\/api\/reports\/leading\?/, () => leading],
      ['GET', /^\/api\/reports\/teams\?/, () => ({ status: 500, json: { error: 'not in this test' } })],
      ['GET', /^\/api\/reviews/, () => ({ items: [] })],
    ]);
    renderWith(<ReportsPage me={make.agent(7, 'Sue', { role: 'supervisor' })} teams={[]} />);
    await screen.findByRole('button', { name: /^Ada: First response/ });
    const q = new URL(calls.find((c) => c.path.startsWith('/api/reports/agents'))!.path, 'http://x').searchParams;
    expect(Number(q.get('to')) - Number(q.get('from'))).toBe(30 * 24 * 60 * MIN);
    expect(q.has('channel')).toBe(false);
    expect(calls.some((c) => c.path.startsWith('/api/reports/conversations'))).toBe(false);
  });
});

describe('new reviews in the top bar', () => {
  const review = (id: number, agentId: number, acknowledgedAt: number | null) => ({
    id,
    scorecardId: 1,
    scorecardName: 'Quality',
    episodeId: id,
    threadId: id,
    customerName: 'Maria Nowak',
    agentId,
    teamId: 1,
    reviewerId: 7,
    reviewerName: 'Sue',
    criteria: [{ label: 'Empathy', weight: 1, scale: 'five' }],
    scores: [4],
    score: 75,
    comments: [],
    createdAt: Date.UTC(2026, 2, 3),
    acknowledgedAt,
  });
  const bar = (me: ReturnType<typeof make.agent>) => (
    <Topbar
      me={me}
      search={{ current: null }}
      muted={false}
      setMuted={() => {}}
      permission="granted"
      requestPermission={() => {}}
      openHelp={() => {}}
      openPalette={() => {}}
    />
  );

  it('shows an agent how many of their reviews wait for an acknowledgement', async () => {
    mockApi([
      ['GET', /^\/api\/reviews$/, () => ({ items: [review(1, 2, null), review(2, 2, null), review(3, 2, 5)] })],
    ]);
    renderWith(bar(make.agent(2, 'Bo')));
    expect(await screen.findByRole('link', { name: 'Reports, 2 new reviews' })).not.toBeNull();
  });

  it('shows no badge when everything is acknowledged, nor to a lead', async () => {
    const calls = mockApi([['GET', /^\/api\/reviews$/, () => ({ items: [review(3, 2, 5)] })]]);
    renderWith(bar(make.agent(2, 'Bo')));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/reviews')).toBe(true));
    expect(screen.getByRole('link', { name: 'Reports' })).not.toBeNull();
    cleanup();
    const leadCalls = mockApi([]);
    renderWith(bar(make.agent(7, 'Sue', { role: 'lead' })));
    expect(screen.getByRole('link', { name: 'Reports' })).not.toBeNull();
    expect(leadCalls.some((c) => c.path === '/api/reviews')).toBe(false);
  });
});
