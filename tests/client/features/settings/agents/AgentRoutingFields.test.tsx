import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { computeAccessibleDescription } from 'dom-accessibility-api';
import i18n from 'i18next';
import { setLocale } from '#client/i18n';
import AgentsSettings from '#client/features/settings/agents/AgentsSettings';
import { renderWith, textOf } from '#tests/client/helpers/harness';
import { admin, serve } from '#tests/client/helpers/agentsApi';

afterEach(() => vi.unstubAllGlobals());

/** Open the edit form of Kasia Nowak (Polish and English, 8 live, 20 email/API, skills email and VIP). */
async function editKasia() {
  await userEvent.click(await screen.findByRole('button', { name: 'Edit Kasia Nowak' }));
  return screen.getByRole('form', { name: 'Edit Kasia Nowak' });
}

// Ticking twenty languages is twenty real clicks, each re-rendering the form: seconds on two busy cores.
describe('agent routing fields', { timeout: 60_000 }, () => {
  it('shows a server refusal of the languages next to the languages, and more than 20 before sending', async () => {
    const { calls } = serve({
      patch: () => ({
        status: 400,
        json: {
          error: 'invalid request',
          code: 'bad_request',
          issues: [{ path: 'languages.2', message: 'must be a language code like th or zh' }],
        },
      }),
    });
    renderWith(<AgentsSettings me={admin} />);
    const form = await editKasia();
    const languages = within(form).getByRole('group', { name: 'Languages they answer in' });
    const boxes = within(languages).getAllByRole('checkbox') as HTMLInputElement[];
    // Braid detects 22 languages; an agent may list 20.
    for (const box of boxes.filter((b) => !b.checked)) await userEvent.click(box);
    expect(computeAccessibleDescription(languages)).toBe(
      'Customers who write in one of these go to them first. At most 20 languages.',
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([]);

    await userEvent.click(within(languages).getByRole('checkbox', { name: 'Hindi' }));
    await userEvent.click(within(languages).getByRole('checkbox', { name: 'Greek' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(textOf(await within(form).findByRole('alert'))).toBe('Some fields need attention.');
    expect(computeAccessibleDescription(languages)).toBe(
      'Customers who write in one of these go to them first. must be a language code like th or zh',
    );
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => (c.body as { languages: string[] }).languages)).toEqual(
      [
        [
          'th',
          'zh',
          'pl',
          'en',
          'vi',
          'id',
          'ja',
          'ko',
          'de',
          'fr',
          'es',
          'it',
          'pt',
          'nl',
          'cs',
          'tr',
          'ru',
          'uk',
          'ar',
          'he',
        ],
      ],
    );
  });

  it('flags a tier over 40 characters next to the tiers and sends nothing until it is fixed', async () => {
    const { calls } = serve();
    renderWith(<AgentsSettings me={admin} />);
    const form = await editKasia();
    const tiers = within(form).getByLabelText('Customer tiers');
    await userEvent.type(tiers, `, ${'x'.repeat(41)}`);
    expect(tiers.getAttribute('aria-invalid')).toBe('true');
    expect(computeAccessibleDescription(tiers)).toMatch(/At most 20 tiers of up to 40 characters each\.$/);
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([]);

    await userEvent.clear(tiers);
    await userEvent.type(tiers, 'VIP, Gold');
    expect(tiers.getAttribute('aria-invalid')).toBeNull();
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit Kasia Nowak' })).toBeNull());
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([
      { skills: ['email', 'VIP', 'Gold'] },
    ]);
  });

  it('keeps a stored language Braid does not list when other languages are ticked', async () => {
    const { calls, agents } = serve();
    agents[1] = { ...agents[1], languages: ['fi', 'pl'] };
    renderWith(<AgentsSettings me={admin} />);
    const form = await editKasia();
    const languages = within(form).getByRole('group', { name: 'Languages they answer in' });
    expect((within(languages).getByRole('checkbox', { name: 'Finnish' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(within(languages).getByRole('checkbox', { name: 'Thai' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit Kasia Nowak' })).toBeNull());
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ languages: ['th', 'pl', 'fi'] }]);
  });

  it('shows the fields in Thai', async () => {
    serve();
    await setLocale('th');
    try {
      renderWith(<AgentsSettings me={admin} />);
      await userEvent.click(await screen.findByRole('button', { name: 'แก้ไข Kasia Nowak' }));
      const form = screen.getByRole('form', { name: 'แก้ไข Kasia Nowak' });
      const languages = within(form).getByRole('group', { name: 'ภาษาที่ตอบได้' });
      expect((within(languages).getByRole('checkbox', { name: 'โปแลนด์' }) as HTMLInputElement).checked).toBe(true);
      expect((within(form).getByLabelText('แชตสดพร้อมกันได้สูงสุด') as HTMLInputElement).value).toBe('8');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
