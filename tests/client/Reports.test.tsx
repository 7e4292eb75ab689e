import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ReportsPage from '#client/features/reports/ReportsPage';
import { Topbar } from '#client/features/inbox/Topbar';
import type { AgentReport, DecileDto, LeadingReport, ReportFigures } from '#shared/schemas/reports';
import { make, mockApi, renderWith } from './harness';

const MIN = 60_000;
const spread = (median: number | null, p90: number | null, count = median === null ? 0 : 3) => ({ count, median, p90 });
const figures = (first: number | null, csat: number | null): ReportFigures => ({
  handled: 12,
  firstResponse: spread(first, first === null ? null : first * 2),
  nextResponse: spread(null, null),
  resolution: spread(60 * MIN, 120 * MIN),
  reopen: { resolved: 10, reopened: 1, rate: 0.1 },
  csat: { count: csat === null ? 0 : 4, avg: csat, satisfied: csat === null ? null : 0.75 },
  nps: { count: 0, score: null },
  sentimentLift: { count: 5, lift: 0.12, improved: 2, worsened: 1 },
  review: { count: 1, avg: 87.5 },
});
const decile = (top: [number, number], bottom: [number, number]): DecileDto => ({
  better: 'lower',
  minConversations: 5,
  qualified: 3,
  belowMinimum: [4],
  noValue: [],
  top: { agents: [{ agentId: top[0], value: top[1] }], value: top[1] },
  bottom: { agents: [{ agentId: bottom[0], value: bottom[1] }], value: bottom[1] },
  gap: bottom[1] - top[1],
  trend: [
    { from: 0, to: 1, gap: 10 * MIN },
    { from: 1, to: 2, gap: 12 * MIN },
  ],
});
const agents: AgentReport = {
  from: 0,
  to: 1,
  time: 'calendar',
  attribution: 'Each reply belongs to its author.',
  items: [
    { agentId: 1, name: 'Ada', ...figures(2 * MIN, 4.5) },
    { agentId: 2, name: 'Bo', ...figures(5 * MIN, 4) },
    { agentId: 3, name: 'Cy', ...figures(14 * MIN, 3) },
  ],
  deciles: Object.fromEntries(
    ['firstResponse', 'nextResponse', 'resolution', 'reopenRate', 'csat', 'nps', 'sentimentLift', 'review'].map((m) => [
      m,
      decile([1, 2 * MIN], [3, 14 * MIN]),
    ]),
  ) as AgentReport['deciles'],
};
const leading: LeadingReport = {
  from: 0,
  to: 1,
  time: 'calendar',
  attribution: '',
  expectations: { promised: 8, exceeded: 6, share: 0.75 },
  returning: { customers: 10, returned: 3, share: 0.3, compared: 2, improved: 1, improvedShare: 0.5 },
  compliments: { count: 4, episodes: 3, share: 0.3 },
  items: [],
};

afterEach(() => vi.unstubAllGlobals());

describe('reports screen', () => {
  it('marks the top and bottom decile, states the rule, and lists the conversations behind a figure', async () => {
    const calls = mockApi([
      ['GET', /^\/api\/reports\/agents\?/, () => agents],
      ['GET', /^\/api\/reports\/leading\?/, () => leading],
      ['GET', /^\/api\/reports\/teams\?/, () => ({ status: 500, json: { error: 'not in this test' } })],
      [
        'GET',
        /^\/api\/reports\/conversations\?/,
        () => ({
          metric: 'firstResponse',
          total: 1,
          items: [
            { episodeId: 9, threadId: 42, customerName: 'Maria Nowak', at: Date.UTC(2026, 2, 3), value: 14 * MIN },
          ],
        }),
      ],
    ]);
    renderWith(<ReportsPage me={make.agent(7, 'Sue', { role: 'supervisor' })} teams={[]} />);
    const ada = await screen.findByRole('button', { name: /^Ada: First response 2m · 4m$/ });
    expect(ada.closest('td')?.className).toBe('decile-top');
    const cy = screen.getByRole('button', { name: /^Cy: First response 14m · 28m$/ });
    expect(cy.closest('td')?.className).toBe('decile-bottom');
    expect(within(cy.closest('td')!).queryByText('bottom 10 %')).not.toBeNull();
    expect(screen.queryByText(/at least 5 conversations.*Not ranked: #4/)).not.toBeNull();
    expect(screen.queryByRole('heading', { name: /decile gap/ })).not.toBeNull();
    expect(screen.queryByText('75%')).not.toBeNull(); // expectations exceeded
    await userEvent.click(cy);
    const link = await screen.findByRole('link', { name: 'Maria Nowak' });
    expect(link.getAttribute('href')).toBe('/t/42');
    const drill = calls.find((c) => c.path.startsWith('/api/reports/conversations'))!;
    expect(drill.path).toMatch(/agentId=3/);
    expect(drill.path).toMatch(/metric=firstResponse/);
  });

  it('shows an agent their own figures without the decile table or team charts', async () => {
    const calls = mockApi([
      ['GET', /^\/api\/reports\/agents\?/, () => ({ ...agents, items: [agents.items[1]], deciles: null })],
      ['GET', /^\/api\/reports\/leading\?/, () => leading],
    ]);
    renderWith(<ReportsPage me={make.agent(2, 'Bo')} teams={[]} />);
    expect(await screen.findByRole('button', { name: /^Bo: First response/ })).not.toBeNull();
    expect(screen.queryByRole('heading', { name: /decile gap/ })).toBeNull();
    expect(calls.some((c) => c.path.startsWith('/api/reports/teams'))).toBe(false);
  });
});

describe('reviews on the reports screen', () => {
  it('shows an agent their review with the comment on a message, and acknowledges it', async () => {
    const review = {
      id: 5,
      scorecardId: 1,
      scorecardName: 'Quality',
      episodeId: 9,
      threadId: 42,
      customerName: 'Maria Nowak',
      agentId: 2,
      teamId: 1,
      reviewerId: 7,
      reviewerName: 'Sue',
      criteria: [
        { label: 'Empathy', weight: 2, scale: 'five' },
        { label: 'Refund policy', weight: 1, scale: 'yesNo' },
      ],
      scores: [4, 1],
      score: 83.3,
      comments: [{ messageId: 77, text: 'Say when the refund arrives.', messageExcerpt: 'Refund done.' }],
      createdAt: Date.UTC(2026, 2, 3),
      acknowledgedAt: null as number | null,
    };
    const calls = mockApi([
      ['GET', /^\/api\/reports\/agents\?/, () => ({ ...agents, items: [agents.items[1]], deciles: null })],
      ['GET', /^\/api\/reports\/leading\?/, () => leading],
      ['GET', /^\/api\/reviews$/, () => ({ items: [review] })],
      ['POST', /^\/api\/reviews\/5\/acknowledge$/, () => ({ ...review, acknowledgedAt: Date.UTC(2026, 2, 4) })],
    ]);
    renderWith(<ReportsPage me={make.agent(2, 'Bo')} teams={[]} />);
    expect(await screen.findByText('Say when the refund arrives.')).not.toBeNull();
    expect(screen.queryByText('Refund done.')).not.toBeNull();
    expect(screen.queryByText('Empathy: 4/5')).not.toBeNull();
    expect(screen.queryByText('Refund policy: Yes')).not.toBeNull();
    review.acknowledgedAt = Date.UTC(2026, 2, 4);
    await userEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByText(/^Acknowledged /)).not.toBeNull();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/reviews/5/acknowledge']);
  });
});

describe('review queue on the reports screen', () => {
  it('lists unreviewed conversations by reason, says why, and scores one in place', async () => {
    const item = (episodeId: number, customerName: string, extra: object) => ({
      episodeId,
      threadId: episodeId + 100,
      customerName,
      agentId: 3,
      agentName: 'Cy',
      teamId: 1,
      resolvedAt: Date.UTC(2026, 2, 3),
      resolutionMs: 90 * MIN,
      csat: null,
      nps: null,
      sentimentEnd: null,
      slaBreaches: 0,
      ...extra,
    });
    const calls = mockApi([
      ['GET', /^\/api\/reports\/agents\?/, () => agents],
      ['GET', /^\/api\/reports\/leading\?/, () => leading],
      ['GET', /^\/api\/reports\/teams\?/, () => ({ status: 500, json: { error: 'not in this test' } })],
      ['GET', /^\/api\/reviews\/queue\?.*reason=lowCsat/, () => ({ items: [item(1, 'Ula', { csat: 1 })] })],
      [
        'GET',
        /^\/api\/reviews\/queue\?.*reason=slaBreached/,
        () => ({ items: [item(2, 'Stan', { slaBreaches: 2, sentimentEnd: -0.5 })] }),
      ],
      ['GET', /^\/api\/scorecards$/, () => ({ items: [] })],
      ['GET', /^\/api\/threads\/101\/messages/, () => ({ items: [], nextCursor: null })],
    ]);
    renderWith(<ReportsPage me={make.agent(7, 'Sue', { role: 'lead', teamIds: [1] })} teams={[]} />);
    const queue = await screen.findByRole('region', { name: 'Review queue' });
    expect(await within(queue).findByRole('link', { name: 'Ula' })).not.toBeNull();
    expect(within(queue).queryByText('CSAT 1/5 · resolved in 1h 30m')).not.toBeNull();
    await userEvent.selectOptions(within(queue).getByRole('combobox', { name: 'Sample' }), 'SLA breached');
    expect(
      await within(queue).findByText('mood at the end -0.5 · SLA breaches: 2 · resolved in 1h 30m'),
    ).not.toBeNull();
    const asked = calls.filter((c) => c.path.startsWith('/api/reviews/queue')).map((c) => c.path);
    expect(asked.every((p) => !p.includes('time='))).toBe(true);
    await userEvent.selectOptions(within(queue).getByRole('combobox', { name: 'Sample' }), 'Low CSAT or NPS');
    await userEvent.click(await within(queue).findByRole('button', { name: 'Score' }));
    expect(await screen.findByRole('dialog', { name: 'Score the conversation with Ula' })).not.toBeNull();
  });
});

describe('leading indicators on the reports screen', () => {
  it('lists the conversations behind expectations exceeded, the broken promises first, in words', async () => {
    const calls = mockApi([
      ['GET', /^\/api\/reports\/agents\?/, () => agents],
      ['GET', /^\/api\/reports\/leading\?/, () => leading],
      ['GET', /^\/api\/reports\/teams\?/, () => ({ status: 500, json: { error: 'not in this test' } })],
      ['GET', /^\/api\/reviews\/queue\?/, () => ({ items: [] })],
      [
        'GET',
        /^\/api\/reports\/conversations\?/,
        () => ({
          metric: 'expectations',
          total: 2,
          items: [
            { episodeId: 5, threadId: 50, customerName: 'Late Lena', at: Date.UTC(2026, 2, 3), value: 0 },
            { episodeId: 6, threadId: 60, customerName: 'Quick Quinn', at: Date.UTC(2026, 2, 2), value: 1 },
          ],
        }),
      ],
    ]);
    renderWith(<ReportsPage me={make.agent(7, 'Sue', { role: 'supervisor' })} teams={[]} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Expectations exceeded 75%' }));
    const drill = await screen.findByRole('region', { name: /Expectations exceeded/ });
    const rows = within(drill).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^Late Lena.*not sooner than promised/),
      expect.stringMatching(/^Quick Quinn.*answered sooner than promised/),
    ]);
    expect(calls.find((c) => c.path.startsWith('/api/reports/conversations'))!.path).toMatch(/metric=expectations/);
  });
});

describe('agents × metrics sparklines', () => {
  it('draws each figure over the last four periods of the same length, from the earlier reports', async () => {
    const firstResponse: Record<number, number> = {};
    const calls = mockApi([
      [
        'GET',
        /^\/api\/reports\/agents\?/,
        (c) => {
          const from = Number(new URL(c.path, 'http://x').searchParams.get('from'));
          firstResponse[from] = 0;
          const n = Object.keys(firstResponse).length; // 1st request: the current period
          return { ...agents, items: [{ ...agents.items[0], ...figures(n === 1 ? 2 * MIN : (10 - n) * MIN, 4.5) }] };
        },
      ],
      ['GET', /^\/api\/reports\/leading\?/, () => leading],
      ['GET', /^\/api\/reports\/teams\?/, () => ({ status: 500, json: { error: 'not in this test' } })],
      ['GET', /^\/api\/reviews\/queue\?/, () => ({ items: [] })],
    ]);
    renderWith(<ReportsPage me={make.agent(7, 'Sue', { role: 'supervisor' })} teams={[]} />);
    const line = await screen.findByRole('img', { name: 'Ada: First response over the last 4 periods' });
    const ranges = calls
      .filter((c) => c.path.startsWith('/api/reports/agents'))
      .map((c) => new URL(c.path, 'http://x').searchParams)
      .map((q) => [Number(q.get('from')), Number(q.get('to'))])
      .sort((a, b) => a[0] - b[0]);
    expect(ranges).toHaveLength(4);
    const len = ranges[3][1] - ranges[3][0];
    expect(ranges.map(([from, to]) => [to - from, ranges[3][0] - from])).toEqual([
      [len, 3 * len],
      [len, 2 * len],
      [len, len],
      [len, 0],
    ]);
    // The current period (2 min) is the fastest: the line ends at its lowest point (largest y).
    const ys = line
      .querySelector('polyline')!
      .getAttribute('points')!
      .split(' ')
      .map((p) => Number(p.split(',')[1]));
    expect(ys).toHaveLength(4);
    expect(ys[3]).toBe(Math.max(...ys));
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
