import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { computeAccessibleDescription, computeAccessibleName } from 'dom-accessibility-api';
import AgentsSettings from '#client/features/settings/agents/AgentsSettings';
import { make, renderWith, textOf } from '#tests/client/helpers/harness';
import { admin, serve } from '#tests/client/helpers/agentsApi';

/** What a screen reader reads for each cell of the row starting with `name` (the avatar's initials are decorative). */
const rowText = (name: string) =>
  [...screen.getByRole('row', { name: new RegExp(`^${name}`) }).children].map((c) => computeAccessibleName(c));
const description = (el: HTMLElement) => computeAccessibleDescription(el);

afterEach(() => vi.unstubAllGlobals());

describe('agents settings', () => {
  it('lists every agent with role, teams, languages, both limits, active flag and live presence', async () => {
    serve();
    const { rt } = renderWith(<AgentsSettings me={admin} />);
    await screen.findByRole('row', { name: /^Kasia Nowak/ });
    expect(rowText('Kasia Nowak')).toEqual([
      'Kasia Nowak',
      'kasia@braid.test',
      'Agent',
      'Support PL, Billing',
      'Polish, English',
      '8 live · 20 email/API',
      'Yes',
      'Away',
      'Edit Kasia Nowak',
    ]);
    expect(rowText('Wei Zhang')).toEqual([
      'Wei Zhang',
      'wei@braid.test',
      'Team lead',
      'No team',
      '—',
      '5',
      'Deactivated',
      'Offline',
      'Edit Wei Zhang',
    ]);
    // Presence pushed by the socket wins over what the list said when it loaded.
    act(() => rt.pushed.setPresenceSnapshot({ online: [1, 2], away: [], offline: [] }));
    await waitFor(() => expect(rowText('Kasia Nowak')[7]).toBe('Online'));
    // Once the socket has reported, an agent missing from its map is offline.
    act(() => rt.pushed.setPresenceSnapshot({ online: [1], away: [], offline: [] }));
    await waitFor(() => expect(rowText('Kasia Nowak')[7]).toBe('Offline'));
  });

  it('creates an agent with an initial password, UI language, limits, languages, skills and teams', async () => {
    const { calls } = serve();
    renderWith(<AgentsSettings me={admin} />);
    await userEvent.click(await screen.findByRole('button', { name: 'New agent' }));
    const form = screen.getByRole('form', { name: 'New agent' });
    // "Email" is also a channel skill (a checkbox): the address is the text box.
    await userEvent.type(within(form).getByRole('textbox', { name: 'Email' }), 'Marta@Braid.test');
    await userEvent.type(within(form).getByLabelText('Name'), 'Marta Wiśniewska');
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'Team lead');
    const password = within(form).getByLabelText('Initial password');
    expect(password.getAttribute('type')).toBe('password');
    expect(description(password)).toBe(
      'At least 10 characters. Give it to them privately; they can change it after signing in.',
    );
    await userEvent.type(password, 'correct-horse-9');
    await userEvent.selectOptions(within(form).getByLabelText('Language'), 'Polski');
    const live = within(form).getByLabelText('Live chats at once');
    expect(description(live)).toMatch(/^Web chat, WhatsApp, .* Also counts email and API while no separate limit/);
    await userEvent.clear(live);
    await userEvent.type(live, '12');
    await userEvent.type(within(form).getByLabelText('Email and API threads at once'), '30');
    const languages = within(form).getByRole('group', { name: 'Languages they answer in' });
    expect(
      within(languages)
        .getAllByRole('checkbox')
        .slice(0, 4)
        .map((c) => computeAccessibleName(c)),
    ).toEqual(['Thai', 'Chinese', 'Polish', 'English']);
    await userEvent.click(within(languages).getByRole('checkbox', { name: 'English' }));
    await userEvent.click(within(languages).getByRole('checkbox', { name: 'Polish' }));
    const channels = within(form).getByRole('group', { name: 'Channel skills' });
    await userEvent.click(within(channels).getByRole('checkbox', { name: 'WhatsApp' }));
    await userEvent.type(within(form).getByLabelText('Customer tiers'), ' VIP, gold ,, VIP');
    await userEvent.click(
      within(within(form).getByRole('group', { name: 'Teams' })).getByRole('checkbox', { name: 'Billing' }),
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Create agent' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'New agent' })).toBeNull());
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/api/agents',
        body: {
          email: 'Marta@Braid.test',
          name: 'Marta Wiśniewska',
          role: 'lead',
          password: 'correct-horse-9',
          locale: 'pl',
          capacity: 12,
          asyncCapacity: 30,
          // Ticked languages and channels come in list order, typed tiers trimmed and once each.
          languages: ['pl', 'en'],
          skills: ['whatsapp', 'VIP', 'gold'],
          teamIds: [2],
        },
      },
    ]);
    expect(textOf(screen.getByRole('status'))).toBe('Marta Wiśniewska can now sign in.');
    await screen.findByRole('row', { name: /^Marta Wiśniewska/ });
    expect(rowText('Marta Wiśniewska')).toEqual([
      'Marta Wiśniewska',
      'Marta@Braid.test',
      'Team lead',
      'Billing',
      'Polish, English',
      '12 live · 30 email/API',
      'Yes',
      'Offline',
      'Edit Marta Wiśniewska',
    ]);
  });

  it('shows the server’s field problems next to the field, and a duplicate email as such', async () => {
    let answer: unknown = {
      status: 400,
      json: { error: 'invalid request', issues: [{ path: 'email', message: 'Invalid email address' }] },
    };
    const { calls } = serve({ post: () => answer });
    renderWith(<AgentsSettings me={admin} />);
    await userEvent.click(await screen.findByRole('button', { name: 'New agent' }));
    const form = screen.getByRole('form', { name: 'New agent' });
    const email = within(form).getByRole('textbox', { name: 'Email' });
    await userEvent.type(email, 'kasia@localhost');
    await userEvent.type(within(form).getByLabelText('Name'), 'Kasia');
    await userEvent.type(within(form).getByLabelText('Initial password'), 'long-enough-pw');
    await userEvent.click(within(form).getByRole('button', { name: 'Create agent' }));
    expect(textOf(await within(form).findByRole('alert'))).toBe('Some fields need attention.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(description(email)).toBe('Invalid email address');

    answer = { status: 409, json: { error: 'an agent with email kasia@braid.test already exists' } };
    await userEvent.clear(email);
    await userEvent.type(email, 'kasia@braid.test');
    await userEvent.click(within(form).getByRole('button', { name: 'Create agent' }));
    await waitFor(() => expect(description(email)).toBe('An agent with this email already exists.'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => (c.body as { email: string }).email)).toEqual([
      'kasia@localhost',
      'kasia@braid.test',
    ]);
    expect(screen.getAllByRole('row').map((r) => computeAccessibleName(r.children[0]))).toEqual([
      'Name',
      'Ada Admin',
      'Kasia Nowak',
      'Wei Zhang',
    ]);
  });

  it('edits role, teams, limits, languages, skills and the active flag, sending only what changed', async () => {
    const { calls } = serve();
    renderWith(<AgentsSettings me={admin} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Kasia Nowak' }));
    const form = screen.getByRole('form', { name: 'Edit Kasia Nowak' });
    expect(within(form).queryByLabelText('Initial password')).toBeNull();
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'Supervisor');
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Support PL' }));
    await userEvent.clear(within(form).getByLabelText('Live chats at once'));
    await userEvent.type(within(form).getByLabelText('Live chats at once'), '3');
    // Emptying the email/API limit puts that work back under the live limit (null).
    const asyncLimit = within(form).getByLabelText('Email and API threads at once') as HTMLInputElement;
    expect(asyncLimit.value).toBe('20');
    await userEvent.clear(asyncLimit);
    const languages = within(form).getByRole('group', { name: 'Languages they answer in' });
    await userEvent.click(within(languages).getByRole('checkbox', { name: 'Polish' }));
    await userEvent.click(within(languages).getByRole('checkbox', { name: 'Thai' }));
    const channels = within(form).getByRole('group', { name: 'Channel skills' });
    expect((within(channels).getByRole('checkbox', { name: 'Email' }) as HTMLInputElement).checked).toBe(true);
    const tiers = within(form).getByLabelText('Customer tiers') as HTMLInputElement;
    expect(tiers.value).toBe('VIP');
    const active = within(form).getByRole('checkbox', { name: 'Active' });
    expect(description(active)).toBe('Deactivated agents cannot sign in and get no new conversations.');
    await userEvent.click(active);
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(rowText('Kasia Nowak')).toEqual([
        'Kasia Nowak',
        'kasia@braid.test',
        'Supervisor',
        'Billing',
        'Thai, English',
        '3',
        'Deactivated',
        'Away',
        'Edit Kasia Nowak',
      ]),
    );
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([
      {
        method: 'PATCH',
        path: '/api/agents/2',
        body: {
          role: 'supervisor',
          capacity: 3,
          asyncCapacity: null,
          languages: ['th', 'en'],
          active: false,
          teamIds: [2],
        },
      },
    ]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Kasia Nowak' })));
  });

  it('does not let an admin demote or deactivate themselves', async () => {
    const { calls } = serve();
    renderWith(<AgentsSettings me={admin} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Ada Admin' }));
    const form = screen.getByRole('form', { name: 'Edit Ada Admin' });
    const role = within(form).getByLabelText('Role') as HTMLSelectElement;
    expect([role.disabled, role.value, description(role)]).toEqual([
      true,
      'admin',
      'You cannot change your own role or deactivate yourself.',
    ]);
    expect((within(form).getByRole('checkbox', { name: 'Active' }) as HTMLInputElement).disabled).toBe(true);
    await userEvent.clear(within(form).getByLabelText('Name'));
    await userEvent.type(within(form).getByLabelText('Name'), 'Ada Lovelace');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByRole('row', { name: /^Ada Lovelace/ });
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ name: 'Ada Lovelace' }]);
  });

  it('shows leads the list read-only and agents nothing', async () => {
    serve();
    const lead = make.agent(5, 'Lena Lead', { role: 'lead' });
    const { unmount } = renderWith(<AgentsSettings me={lead} />);
    await screen.findByRole('row', { name: /^Kasia Nowak/ });
    expect(textOf(screen.getByText(/^People who sign in/))).toBe(
      'People who sign in to Braid. Leads see their teams’ queues and alerts, supervisors see everything, admins also change settings.You can look at these settings; only admins can change them.',
    );
    expect(screen.queryAllByRole('button').map((b) => textOf(b))).toEqual([]);
    expect(rowText('Kasia Nowak')).toHaveLength(8);
    unmount();
    renderWith(<AgentsSettings me={make.agent(6, 'Ann Agent')} />);
    expect(textOf(document.body)).toBe('Only team leads, supervisors and admins can see this page.');
  });
});
