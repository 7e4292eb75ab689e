import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Team } from '#shared/schemas/agent';
import type { RoutingDto } from '#shared/schemas/routing';
import type { PredictionCalibrationDto } from '#shared/schemas/predictions';
import RoutingSettings from '#client/features/settings/routing/RoutingSettings';
import PredictionReport from '#client/features/settings/predictions/PredictionReport';
import { make, mockApi, renderWith, textOf, type Call } from '#tests/client/helpers/harness';

const admin = make.agent(1, 'Ada Admin', { role: 'admin', teamIds: [] });
const lead = make.agent(2, 'Lee Lead', { role: 'lead' });
const teams: Team[] = [
  { id: 1, name: 'Support PL', autoAssign: false, memberIds: [] },
  { id: 2, name: 'Support TH', autoAssign: false, memberIds: [] },
];
afterEach(() => vi.unstubAllGlobals());

function serveRouting(refuse = false): Call[] {
  let routing: RoutingDto = { defaultTeamId: 1, byChannel: { line: 2 } };
  return mockApi([
    ['GET', /^\/api\/routing$/, () => routing],
    [
      'PUT',
      /^\/api\/routing$/,
      (c) => {
        if (refuse) return { status: 400, json: { error: 'no such team: 2', code: 'bad_request' } };
        routing = c.body as RoutingDto;
        return routing;
      },
    ],
  ]);
}
const teamSelect = (name: string) => screen.getByRole('combobox', { name: `Team for ${name}` });
const selected = (name: string) => (teamSelect(name) as HTMLSelectElement).selectedOptions[0]?.textContent;

describe('channel routing settings', () => {
  it('shows the team of every channel and the default', async () => {
    serveRouting();
    renderWith(<RoutingSettings me={admin} teams={teams} />);
    await screen.findByRole('combobox', { name: 'Team for LINE' });
    expect(selected('Every other channel (default)')).toBe('Support PL');
    expect(selected('LINE')).toBe('Support TH');
    expect(selected('Telegram')).toBe('The default team');
    expect(screen.getAllByRole('row')).toHaveLength(1 + 11); // header, default, ten channels
  });

  it('saves a changed routing whole and says so', async () => {
    const calls = serveRouting();
    renderWith(<RoutingSettings me={admin} teams={teams} />);
    await screen.findByRole('combobox', { name: 'Team for Telegram' });
    const save = screen.getByRole('button', { name: 'Save' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await userEvent.selectOptions(teamSelect('Telegram'), 'Support TH');
    await userEvent.selectOptions(teamSelect('LINE'), 'The default team');
    await userEvent.selectOptions(teamSelect('Every other channel (default)'), 'No team');
    await userEvent.click(save);
    expect(textOf(await screen.findByRole('status'))).toBe('Saved.');
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { defaultTeamId: null, byChannel: { telegram: 2 } },
    ]);
  });

  it('shows the server’s reason when it refuses', async () => {
    serveRouting(true);
    renderWith(<RoutingSettings me={admin} teams={teams} />);
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Team for SMS' }), 'Support TH');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(textOf(await screen.findByRole('alert'))).toMatch(/no such team: 2/);
  });

  it('is for admins only', () => {
    serveRouting();
    renderWith(<RoutingSettings me={lead} teams={teams} />);
    expect(screen.queryByText('Only admins can see this page.')).not.toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});

describe('wait prediction report', () => {
  const report: PredictionCalibrationDto = {
    from: 0,
    to: 1,
    target: 0.8,
    rule: 'rule',
    overall: { promises: 14, kept: 9, missed: 3, pending: 1, unanswered: 1, keptShare: 0.75 },
    items: [
      {
        teamId: 1,
        teamName: 'Support PL',
        channel: 'telegram',
        promises: 10,
        kept: 9,
        missed: 1,
        pending: 0,
        unanswered: 0,
        keptShare: 0.9,
      },
      {
        teamId: 2,
        teamName: 'Support TH',
        channel: 'line',
        promises: 4,
        kept: 0,
        missed: 2,
        pending: 1,
        unanswered: 1,
        keptShare: 0,
      },
    ],
  };

  it('shows the share answered in time per team and channel against the 80 % target, for the chosen range', async () => {
    const calls = mockApi([['GET', /^\/api\/metrics\/predictions\?/, () => report]]);
    renderWith(<PredictionReport me={lead} />);
    await screen.findByRole('row', { name: /Support PL/ });
    expect(
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) => [...r.children].map(textOf)),
    ).toEqual([
      ['Support PL · Telegram', '10', '9', '1', '0', '90% on target'],
      ['Support TH · LINE', '4', '0', '2', '2', '0% below target'],
    ]);
    expect(textOf(screen.getByRole('status'))).toBe('Answered in time: 9 of 12 75% below target · target 80%');
    const range = (path: string) => {
      const q = new URLSearchParams(path.split('?')[1]);
      return Math.round((Number(q.get('to')) - Number(q.get('from'))) / 86_400_000);
    };
    expect(range(calls[0].path)).toBe(30);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Promises made in' }), 'the last 90 days');
    await screen.findByRole('row', { name: /Support PL/ });
    expect(calls.map((c) => range(c.path))).toEqual([30, 90]);
  });

  it('is not for agents', () => {
    mockApi([]);
    renderWith(<PredictionReport me={make.agent(3, 'Aga Agent')} />);
    expect(screen.queryByText('Only team leads, supervisors and admins can see this page.')).not.toBeNull();
    expect(within(document.body).queryByRole('table')).toBeNull();
  });
});
