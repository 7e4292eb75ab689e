import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { computeAccessibleDescription, computeAccessibleName } from 'dom-accessibility-api';
import TeamsSettings from '#client/features/settings/teams/TeamsSettings';
import { make, renderWith, textOf, type Call } from '#tests/client/helpers/harness';
import { admin, DEFAULT_SETTINGS, serve } from '#tests/client/helpers/teamsApi';

const cellsOf = (row: HTMLElement) => [...row.children].map((c) => computeAccessibleName(c));
const sent = (calls: Call[], method: string) =>
  calls.filter((c) => c.method === method).map(({ path, body }) => ({ path, body }));

afterEach(() => vi.unstubAllGlobals());

// Two of these fill a week of opening hours through many real key presses and selects: 7 s on a quiet
// machine, over 20 s while the whole suite runs on two busy cores. A slow form is not a wrong one.
describe('teams settings', { timeout: 60_000 }, () => {
  it('lists teams with members and auto-assignment, renames and switches auto-assign sending both fields', async () => {
    const { calls, rename } = serve();
    renderWith(<TeamsSettings me={admin} />);
    const row = await screen.findByRole('row', { name: /^Support PL/ });
    expect(cellsOf(row)).toEqual([
      'Support PL',
      'Kasia Nowak, Wei Zhang',
      'Auto-assign conversations of Support PL',
      'Rename Support PL Hours and settings Support PL',
    ]);
    expect(cellsOf(screen.getByRole('row', { name: /^Billing/ }))[1]).toBe('No members');
    const billingAuto = screen.getByRole('checkbox', {
      name: 'Auto-assign conversations of Billing',
    }) as HTMLInputElement;
    expect(billingAuto.checked).toBe(true);

    await userEvent.click(billingAuto);
    await waitFor(() => expect(billingAuto.checked).toBe(false));

    await userEvent.click(screen.getByRole('button', { name: 'Rename Support PL' }));
    const name = screen.getByRole('textbox', { name: 'New name for Support PL' });
    expect(document.activeElement).toBe(name);
    rename.status = 409;
    await userEvent.clear(name);
    await userEvent.type(name, 'Billing{Enter}');
    await waitFor(() => expect(computeAccessibleDescription(name)).toBe('A team with this name already exists.'));
    rename.status = 200;
    await userEvent.clear(name);
    await userEvent.type(name, 'Wsparcie PL');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('row', { name: /^Wsparcie PL/ });
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename Wsparcie PL' })),
    );
    // Escape gives up a rename without sending anything.
    await userEvent.click(screen.getByRole('button', { name: 'Rename Billing' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'New name for Billing' }), ' team{Escape}');
    expect(screen.queryByRole('textbox', { name: 'New name for Billing' })).toBeNull();

    expect(sent(calls, 'PATCH')).toEqual([
      { path: '/api/teams/2', body: { name: 'Billing', autoAssign: false } },
      { path: '/api/teams/1', body: { name: 'Billing', autoAssign: false } },
      { path: '/api/teams/1', body: { name: 'Wsparcie PL', autoAssign: false } },
    ]);
  });

  it('creates a team and opens its hours, then saves a schedule with every weekday and the full settings', async () => {
    const { calls } = serve();
    renderWith(<TeamsSettings me={admin} />);
    await userEvent.click(await screen.findByRole('button', { name: 'New team' }));
    const form = screen.getByRole('form', { name: 'New team' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Returns');
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Auto-assign' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Create team' }));

    const config = await screen.findByRole('form', { name: 'Hours and settings of Returns' });
    expect(sent(calls, 'POST')).toEqual([{ path: '/api/teams', body: { name: 'Returns', autoAssign: true } }]);
    expect((within(config).getByRole('radio', { name: 'Always open (24/7)' }) as HTMLInputElement).checked).toBe(true);
    expect(within(config).queryByRole('table', { name: 'Weekly hours' })).toBeNull();

    await userEvent.click(within(config).getByRole('radio', { name: 'Set opening hours' }));
    await userEvent.selectOptions(within(config).getByLabelText('Time zone'), 'Asia/Bangkok');
    const week = within(config).getByRole('table', { name: 'Weekly hours' });
    // Office hours are offered as a start: Monday to Friday 09:00–17:00, weekend closed.
    expect(
      within(week)
        .getAllByRole('row')
        .map(
          (r) =>
            textOf(r.children[0]) +
            ': ' +
            (within(r)
              .queryAllByRole('textbox')
              .map((i) => (i as HTMLInputElement).value)
              .join('–') || 'closed'),
        ),
    ).toEqual([
      'Monday: 09:00–17:00',
      'Tuesday: 09:00–17:00',
      'Wednesday: 09:00–17:00',
      'Thursday: 09:00–17:00',
      'Friday: 09:00–17:00',
      'Saturday: closed',
      'Sunday: closed',
    ]);
    await userEvent.click(within(week).getByRole('button', { name: 'Add hours on Saturday' }));
    await userEvent.clear(within(week).getByRole('textbox', { name: 'Saturday closes' }));
    await userEvent.type(within(week).getByRole('textbox', { name: 'Saturday closes' }), '13:00');
    await userEvent.click(within(week).getByRole('button', { name: 'Remove Friday 09:00–17:00' }));
    await userEvent.type(within(config).getByLabelText('Holiday date'), '2026-12-24');
    await userEvent.click(within(config).getByRole('button', { name: 'Add holiday' }));
    await userEvent.type(within(config).getByLabelText('Holiday date'), '2026-04-13');
    await userEvent.click(within(config).getByRole('button', { name: 'Add holiday' }));
    expect(
      within(config)
        .getAllByRole('button', { name: /^Remove holiday/ })
        .map((b) => computeAccessibleName(b)),
    ).toEqual(['Remove holiday 2026-04-13', 'Remove holiday 2026-12-24']);

    await userEvent.click(
      within(config).getByRole('checkbox', { name: 'Send an automatic acknowledgement with the expected wait' }),
    );
    const channels = within(config).getByRole('group', { name: 'Acknowledge on these channels' });
    await userEvent.click(within(channels).getByRole('checkbox', { name: 'WhatsApp' }));
    await userEvent.click(within(channels).getByRole('checkbox', { name: 'SMS' }));
    const courtesy = within(config).getByRole('checkbox', {
      name: 'A short “thanks” after resolving keeps the conversation resolved',
    }) as HTMLInputElement;
    expect(courtesy.checked).toBe(true);
    expect(computeAccessibleDescription(courtesy)).toMatch(/within 7 days/);
    await userEvent.click(courtesy);
    await userEvent.click(
      within(config).getByRole('checkbox', { name: 'Ask before acting on a colleague’s conversation' }),
    );
    await userEvent.selectOptions(within(config).getByLabelText('Survey after resolving'), 'nps');
    await userEvent.clear(within(config).getByLabelText('Alert leads when the mood drops below'));
    await userEvent.type(within(config).getByLabelText('Alert leads when the mood drops below'), '-0.3');
    await userEvent.click(within(config).getByRole('button', { name: 'Save hours and settings' }));

    await waitFor(() => expect(textOf(within(config).getByRole('status'))).toBe('Saved.'));
    expect(sent(calls, 'PATCH')).toEqual([
      {
        path: '/api/teams/3/config',
        body: {
          businessHours: {
            timeZone: 'Asia/Bangkok',
            weekly: {
              '0': [],
              '1': [['09:00', '17:00']],
              '2': [['09:00', '17:00']],
              '3': [['09:00', '17:00']],
              '4': [['09:00', '17:00']],
              '5': [],
              '6': [['09:00', '13:00']],
            },
            holidays: ['2026-04-13', '2026-12-24'],
          },
          settings: {
            acknowledgement: { enabled: true, channels: ['sms', 'whatsapp'] },
            survey: 'nps',
            sentimentThreshold: -0.3,
            defaultLanguage: 'en',
            courtesyKeepsResolved: false,
            confirmColleagueThreads: false,
            // Routing left as loaded (the defaults); its own test edits it.
            routing: DEFAULT_SETTINGS.routing,
          },
        },
      },
    ]);
  });

  it('loads stored hours (missing days closed), flags a window that ends before it starts, and can switch to 24/7', async () => {
    const { calls } = serve();
    renderWith(<TeamsSettings me={admin} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Hours and settings Support PL' }));
    const config = await screen.findByRole('form', { name: 'Hours and settings of Support PL' });
    expect((within(config).getByLabelText('Time zone') as HTMLSelectElement).value).toBe('Europe/Warsaw');
    expect((within(config).getByLabelText('Survey after resolving') as HTMLSelectElement).value).toBe('csat');
    expect(
      within(within(config).getByRole('group', { name: 'Holidays (closed all day)' }))
        .getAllByRole('listitem')
        .map(textOf),
    ).toEqual(['Dec 25, 2026']);
    const week = within(config).getByRole('table', { name: 'Weekly hours' });
    expect([...within(week).getAllByRole('row')[2].children].map(textOf)).toEqual([
      'Wednesday',
      'Closed',
      '+ Add hours',
    ]);

    const closes = within(week).getByRole('textbox', { name: 'Monday closes' });
    await userEvent.clear(closes);
    await userEvent.type(closes, '07:00');
    expect(closes.getAttribute('aria-invalid')).toBe('true');
    expect(computeAccessibleDescription(closes)).toBe('The closing time must be after the opening time.');
    await userEvent.click(within(config).getByRole('button', { name: 'Save hours and settings' }));
    expect(textOf(within(config).getByRole('alert'))).toBe('Some fields need attention.');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(week).getByRole('textbox', { name: 'Monday opens' })),
    );
    expect(sent(calls, 'PATCH')).toEqual([]);

    await userEvent.clear(closes);
    await userEvent.type(closes, '24:00');
    expect(closes.getAttribute('aria-invalid')).toBeNull();
    await userEvent.click(within(config).getByRole('radio', { name: 'Always open (24/7)' }));
    await userEvent.click(within(config).getByRole('button', { name: 'Save hours and settings' }));
    await waitFor(() =>
      expect(sent(calls, 'PATCH')).toEqual([
        {
          path: '/api/teams/1/config',
          body: {
            businessHours: null,
            settings: { ...DEFAULT_SETTINGS, survey: 'csat' },
          },
        },
      ]),
    );
  });

  it('shows leads the hours read-only', async () => {
    serve();
    renderWith(<TeamsSettings me={make.agent(5, 'Lena Lead', { role: 'lead' })} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Hours and settings Support PL' }));
    const config = await screen.findByRole('form', { name: 'Hours and settings of Support PL' });
    const controls = within(config)
      .getAllByRole('textbox')
      .concat(within(config).getAllByRole('combobox')) as HTMLInputElement[];
    expect(controls.length).toBeGreaterThan(4);
    expect(controls.every((c) => c.matches(':disabled'))).toBe(true);
    expect(
      within(config)
        .getAllByRole('button')
        .filter((b) => !b.matches(':disabled'))
        .map(textOf),
    ).toEqual(['Close']);
    expect(screen.queryByRole('button', { name: /^Rename/ })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /^Auto-assign/ })).toBeNull();
  });
});
