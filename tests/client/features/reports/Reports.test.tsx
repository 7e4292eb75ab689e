import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ReportsPage from '#client/features/reports/ReportsPage';
import { make, mockApi, renderWith, type Route } from '#tests/client/helpers/harness';
import { agents, leading, MIN } from '#tests/client/helpers/reportFixtures';

afterEach(() => vi.unstubAllGlobals());

/** The reports a supervisor's screen asks for on opening (the team report is not under test here). */
const supervisorReports = (): Route[] => [
  ['GET', /^\/api\/reports\/agents\?/, () => agents],
  ['GET', /^\/api\/reports\/leading\?/, () => leading],
  ['GET', /^\/api\/reports\/teams\?/, () => ({ status: 500, json: { error: 'not in this test' } })],
];

describe('reports screen', () => {
  it('marks the top and bottom decile, states the rule, and lists the conversations behind a figure', async () => {
    const calls = mockApi([
      ...supervisorReports(),
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
      ...supervisorReports(),
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
      ...supervisorReports(),
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
