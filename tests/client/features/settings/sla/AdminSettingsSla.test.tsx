import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { computeAccessibleDescription } from 'dom-accessibility-api';
import type { Team } from '#shared/schemas/agent';
import type { SlaPolicyDto } from '#shared/schemas/metrics';
import SlaSettings from '#client/features/settings/sla/SlaSettings';
import { make, mockApi, renderWith, textOf, type Call } from '#tests/client/helpers/harness';

const admin = make.agent(1, 'Ada Admin', { role: 'admin' });
const teams: Team[] = [
  { id: 1, name: 'Support PL', autoAssign: false, memberIds: [] },
  { id: 2, name: 'Billing', autoAssign: false, memberIds: [] },
];
const MIN = 60_000;
const HOUR = 60 * MIN;

function serve(): Call[] {
  const policies: SlaPolicyDto[] = [
    {
      id: 1,
      name: 'Urgent',
      match: { priorities: ['urgent'] },
      firstResponseMs: 15 * MIN,
      nextResponseMs: 30 * MIN,
      resolutionMs: 4 * HOUR,
      businessHours: false,
    },
    {
      id: 2,
      name: 'Standard',
      match: {},
      firstResponseMs: 2 * HOUR,
      nextResponseMs: null,
      resolutionMs: 90 * MIN,
      businessHours: true,
    },
  ];
  return mockApi([
    ['GET', /^\/api\/sla-policies$/, () => ({ items: policies })],
    [
      'POST',
      /^\/api\/sla-policies$/,
      (c) => {
        const p = { id: 3, ...(c.body as Omit<SlaPolicyDto, 'id'>) };
        policies.push(p);
        return { status: 201, json: p };
      },
    ],
    [
      'PUT',
      /^\/api\/sla-policies\/\d+$/,
      (c) => {
        const i = policies.findIndex((p) => p.id === Number(c.path.split('/').pop()));
        policies[i] = { id: policies[i].id, ...(c.body as Omit<SlaPolicyDto, 'id'>) };
        return policies[i];
      },
    ],
    [
      'DELETE',
      /^\/api\/sla-policies\/\d+$/,
      (c) => {
        policies.splice(
          policies.findIndex((p) => p.id === Number(c.path.split('/').pop())),
          1,
        );
        return { ok: true };
      },
    ],
  ]);
}

/** Render the SLA screen as an admin and open the "New policy" form. */
async function openNewPolicy(): Promise<HTMLElement> {
  renderWith(<SlaSettings me={admin} teams={teams} />);
  await userEvent.click(await screen.findByRole('button', { name: 'New policy' }));
  return screen.getByRole('form', { name: 'New SLA policy' });
}

const rows = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.children].slice(0, 6).map(textOf));
const sent = (calls: Call[]) =>
  calls.filter((c) => c.method !== 'GET').map(({ method, path, body }) => ({ method, path, body }));

afterEach(() => vi.unstubAllGlobals());

describe('SLA policies settings', () => {
  it('lists policies with what they apply to, their targets and clock', async () => {
    serve();
    renderWith(<SlaSettings me={admin} teams={teams} />);
    await screen.findByRole('row', { name: /^Urgent/ });
    expect(rows()).toEqual([
      ['Urgent', 'Urgent', '15m', '30m', '4h', 'Calendar time'],
      ['Standard', 'All conversations', '2h', 'none', '1h 30m', 'Business hours'],
    ]);
  });

  it('creates a policy with criteria and targets in minutes and hours', async () => {
    const calls = serve();
    const form = await openNewPolicy();
    await userEvent.type(within(form).getByLabelText('Name'), 'VIP email');
    await userEvent.click(
      within(within(form).getByRole('group', { name: 'Teams' })).getByRole('checkbox', { name: 'Billing' }),
    );
    await userEvent.click(
      within(within(form).getByRole('group', { name: 'Channels' })).getByRole('checkbox', { name: 'Email' }),
    );
    await userEvent.click(within(form).getByRole('checkbox', { name: 'High priority' }));
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Urgent' }));
    await userEvent.type(within(form).getByLabelText('Customer tiers'), 'gold, vip ,gold');
    const first = within(form).getByRole('spinbutton', { name: 'First reply within' });
    await userEvent.type(first, '30');
    await userEvent.selectOptions(
      within(form).getByRole('combobox', { name: 'Unit of First reply within' }),
      'minutes',
    );
    await userEvent.type(within(form).getByRole('spinbutton', { name: 'Resolved within' }), '8');
    await userEvent.click(
      within(form).getByRole('checkbox', { name: 'Count business hours only (from each team’s hours)' }),
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await screen.findByRole('row', { name: /^VIP email/ });
    expect(sent(calls)).toEqual([
      {
        method: 'POST',
        path: '/api/sla-policies',
        body: {
          name: 'VIP email',
          match: { teamIds: [2], channels: ['email'], priorities: ['high', 'urgent'], tiers: ['gold', 'vip'] },
          firstResponseMs: 30 * MIN,
          nextResponseMs: null,
          resolutionMs: 8 * HOUR,
          businessHours: false,
        },
      },
    ]);
    expect(rows()[2]).toEqual([
      'VIP email',
      'Billing · Email · High priority · Urgent · gold · vip',
      '30m',
      'none',
      '8h',
      'Calendar time',
    ]);
  });

  it('refuses a policy without targets or with a bad number, without asking the server', async () => {
    const calls = serve();
    const form = await openNewPolicy();
    await userEvent.type(within(form).getByLabelText('Name'), 'Empty');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(textOf(within(form).getByRole('alert'))).toBe('Set at least one target.');
    const next = within(form).getByRole('spinbutton', { name: 'Next reply within' });
    await userEvent.type(next, '1.5');
    expect(computeAccessibleDescription(next)).toBe('Enter a whole number above 0, or leave it empty.');
    expect(next.getAttribute('aria-invalid')).toBe('true');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(textOf(within(form).getByRole('alert'))).toBe('Some fields need attention.');
    expect(sent(calls)).toEqual([]);
  });

  it('edits a policy (replacing it whole) and deletes one after confirming', async () => {
    const calls = serve();
    renderWith(<SlaSettings me={admin} teams={teams} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Urgent' }));
    const form = screen.getByRole('form', { name: 'Edit Urgent' });
    const first = within(form).getByRole('spinbutton', { name: 'First reply within' }) as HTMLInputElement;
    const resolution = within(form).getByRole('spinbutton', { name: 'Resolved within' }) as HTMLInputElement;
    expect([
      first.value,
      (within(form).getByRole('combobox', { name: 'Unit of First reply within' }) as HTMLSelectElement).value,
    ]).toEqual(['15', 'minutes']);
    expect([
      resolution.value,
      (within(form).getByRole('combobox', { name: 'Unit of Resolved within' }) as HTMLSelectElement).value,
    ]).toEqual(['4', 'hours']);
    expect((within(form).getByRole('checkbox', { name: 'Urgent' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.clear(first);
    await userEvent.type(first, '10');
    await userEvent.clear(within(form).getByRole('spinbutton', { name: 'Next reply within' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(rows()[0]).toEqual(['Urgent', 'Urgent', '10m', 'none', '4h', 'Calendar time']));

    await userEvent.click(screen.getByRole('button', { name: 'Delete Standard' }));
    await userEvent.click(screen.getByRole('button', { name: 'Really delete Standard' }));
    await waitFor(() => expect(rows().map((r) => r[0])).toEqual(['Urgent']));
    expect(sent(calls)).toEqual([
      {
        method: 'PUT',
        path: '/api/sla-policies/1',
        body: {
          name: 'Urgent',
          match: { priorities: ['urgent'] },
          firstResponseMs: 10 * MIN,
          nextResponseMs: null,
          resolutionMs: 4 * HOUR,
          businessHours: false,
        },
      },
      { method: 'DELETE', path: '/api/sla-policies/2', body: undefined },
    ]);
  });

  it('shows leads the policies without ways to change them', async () => {
    serve();
    renderWith(<SlaSettings me={make.agent(5, 'Lena Lead', { role: 'lead' })} teams={teams} />);
    await screen.findByRole('row', { name: /^Urgent/ });
    expect(screen.queryAllByRole('button').map(textOf)).toEqual([]);
    expect(rows()[1]).toEqual(['Standard', 'All conversations', '2h', 'none', '1h 30m', 'Business hours']);
  });
});
