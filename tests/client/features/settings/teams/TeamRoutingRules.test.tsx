import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { computeAccessibleDescription } from 'dom-accessibility-api';
import i18n from 'i18next';
import { setLocale } from '#client/i18n';
import TeamsSettings from '#client/features/settings/teams/TeamsSettings';
import { renderWith, textOf, type Call } from '#tests/client/helpers/harness';
import { admin, DEFAULT_SETTINGS, serve } from '#tests/client/helpers/teamsApi';

const patches = (calls: Call[]) => calls.filter((c) => c.method === 'PATCH').map(({ path, body }) => ({ path, body }));

afterEach(() => vi.unstubAllGlobals());

/** Open the hours and settings of a team and return its Routing fieldset. */
async function openRouting(team: string) {
  await userEvent.click(await screen.findByRole('button', { name: `Hours and settings ${team}` }));
  const form = await screen.findByRole('form', { name: new RegExp(`${team}$`) });
  return { form, routing: within(form).getByRole('group', { name: /^(Routing|การจัดสรรงาน)$/ }) };
}

describe('team routing rules', { timeout: 60_000 }, () => {
  it('edits mode, language skills wait and overflow; minutes out of range are flagged next to the field', async () => {
    const { calls } = serve();
    renderWith(<TeamsSettings me={admin} />);
    const { form, routing } = await openRouting('Support PL');
    // Support PL does not auto-assign: the rules are kept for when it does.
    expect(textOf(within(routing).getByText(/^Auto-assignment is off/))).toBe(
      'Auto-assignment is off for this team: these rules apply once it is switched on.',
    );
    const mode = within(routing).getByLabelText('Pick agents by') as HTMLSelectElement;
    expect([...mode.options].map((o) => [o.value, o.text])).toEqual([
      ['roundRobin', 'Round robin (taking turns)'],
      ['leastLoaded', 'Least loaded (most free room first)'],
    ]);
    expect(mode.value).toBe('roundRobin');
    await userEvent.selectOptions(mode, 'leastLoaded');
    const skills = within(routing).getByRole('checkbox', {
      name: 'Send customers to an online agent who speaks their language',
    }) as HTMLInputElement;
    expect(skills.checked).toBe(true);
    const wait = within(routing).getByLabelText('Wait for a speaker (minutes)') as HTMLInputElement;
    expect(wait.value).toBe('5');
    await userEvent.clear(wait);
    await userEvent.type(wait, '10');
    const overflow = within(routing).getByLabelText('Overflow to') as HTMLSelectElement;
    // A team cannot overflow into itself.
    expect([...overflow.options].map((o) => o.text)).toEqual(['No overflow', 'Billing']);
    await userEvent.selectOptions(overflow, 'Billing');
    const after = within(routing).getByLabelText('Move after (minutes unassigned)') as HTMLInputElement;
    expect(after.value).toBe('15');
    await userEvent.clear(after);
    await userEvent.type(after, '0');
    expect(after.getAttribute('aria-invalid')).toBe('true');
    expect(computeAccessibleDescription(after)).toBe('Enter a whole number from 1 to 1440.');
    await userEvent.click(within(form).getByRole('button', { name: 'Save hours and settings' }));
    expect(textOf(within(form).getByRole('alert'))).toBe('Some fields need attention.');
    await waitFor(() => expect(document.activeElement).toBe(after));
    expect(patches(calls)).toEqual([]);

    await userEvent.clear(after);
    await userEvent.type(after, '30');
    expect(after.getAttribute('aria-invalid')).toBeNull();
    await userEvent.click(within(form).getByRole('button', { name: 'Save hours and settings' }));
    await waitFor(() => expect(textOf(within(form).getByRole('status'))).toBe('Saved.'));
    expect(patches(calls)).toEqual([
      {
        path: '/api/teams/1/config',
        body: {
          businessHours: {
            timeZone: 'Europe/Warsaw',
            weekly: {
              '0': [],
              '1': [['08:00', '18:00']],
              '2': [['08:00', '18:00']],
              '3': [],
              '4': [],
              '5': [],
              '6': [],
            },
            holidays: ['2026-12-25'],
          },
          settings: {
            ...DEFAULT_SETTINGS,
            survey: 'csat',
            routing: { mode: 'leastLoaded', skills: true, fallbackMinutes: 10, overflowTeamId: 2, overflowMinutes: 30 },
          },
        },
      },
    ]);
  });

  it('turns language skills off (the rest sent as loaded), and shows the fieldset in Thai', async () => {
    const { calls } = serve();
    renderWith(<TeamsSettings me={admin} />);
    const { form, routing } = await openRouting('Billing');
    expect(textOf(within(routing).getByText(/^How auto-assignment/))).toBe(
      'How auto-assignment picks an agent for a conversation of this team.',
    );
    await userEvent.click(
      within(routing).getByRole('checkbox', { name: 'Send customers to an online agent who speaks their language' }),
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Save hours and settings' }));
    await waitFor(() => expect(patches(calls)).toHaveLength(1));
    expect((patches(calls)[0].body as { settings: typeof DEFAULT_SETTINGS }).settings.routing).toEqual({
      ...DEFAULT_SETTINGS.routing,
      skills: false,
    });

    await setLocale('th');
    try {
      expect(
        within(routing).queryByRole('checkbox', { name: 'ส่งลูกค้าไปยังเจ้าหน้าที่ที่ออนไลน์และพูดภาษาเดียวกับลูกค้า' }),
      ).not.toBeNull();
      expect((within(routing).getByLabelText('ส่งต่อเมื่อคิวล้นไปที่') as HTMLSelectElement).options[0].text).toBe('ไม่ส่งต่อ');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
