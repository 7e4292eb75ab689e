import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { computeAccessibleDescription } from 'dom-accessibility-api';
import type { Scorecard } from '#shared/schemas/reviews';
import ScorecardsSettings from '#client/features/settings/scorecards/ScorecardsSettings';
import { make, mockApi, renderWith, textOf, type Call } from '#tests/client/helpers/harness';

const admin = make.agent(1, 'Ada Admin', { role: 'admin' });
const lead = make.agent(2, 'Lee Lead', { role: 'lead' });
const EMPATHY = { label: 'Empathy', weight: 2, scale: 'five' } as const;
const POLICY = { label: 'Followed the refund policy', weight: 1, scale: 'yesNo' } as const;
const ARCHIVED_AT = Date.UTC(2026, 10, 2, 9, 30);

/** A stateful scorecards API: archive, restore, patch and copy change what the next GET answers. */
function serve(): Call[] {
  const cards: Scorecard[] = [
    { id: 3, name: 'Old rubric', criteria: [EMPATHY], createdAt: 1, archivedAt: ARCHIVED_AT, reviewCount: 4 },
    { id: 2, name: 'Quality', criteria: [EMPATHY, POLICY], createdAt: 1, archivedAt: null, reviewCount: 2 },
    { id: 1, name: 'Draft', criteria: [EMPATHY], createdAt: 1, archivedAt: null, reviewCount: 0 },
  ];
  const idOf = (c: Call) => Number(c.path.split('/')[3]);
  const card = (c: Call) => cards.find((x) => x.id === idOf(c))!;
  const add = (body: object) => {
    const created = { id: cards.length + 1, createdAt: 2, archivedAt: null, reviewCount: 0, ...body } as Scorecard;
    cards.unshift(created);
    return { status: 201, json: created };
  };
  return mockApi([
    ['GET', /^\/api\/scorecards\?archived=include$/, () => ({ items: cards })],
    [
      'POST',
      /^\/api\/scorecards$/,
      (c) =>
        cards.some((x) => x.name === (c.body as { name: string }).name)
          ? { status: 409, json: { error: 'a scorecard named Quality already exists', code: 'conflict' } }
          : add(c.body as object),
    ],
    ['PATCH', /^\/api\/scorecards\/\d+$/, (c) => Object.assign(card(c), c.body)],
    ['POST', /^\/api\/scorecards\/\d+\/archive$/, (c) => Object.assign(card(c), { archivedAt: ARCHIVED_AT })],
    ['POST', /^\/api\/scorecards\/\d+\/unarchive$/, (c) => Object.assign(card(c), { archivedAt: null })],
    [
      'POST',
      /^\/api\/scorecards\/\d+\/copy$/,
      (c) => (Object.assign(card(c), { archivedAt: ARCHIVED_AT }), add(c.body as object)),
    ],
  ]);
}

const rows = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.children].slice(0, 4).map(textOf));
const sent = (calls: Call[]) =>
  calls.filter((c) => c.method !== 'GET').map(({ method, path, body }) => ({ method, path, body }));
const criterion = (form: HTMLElement, n: number) => within(within(form).getByRole('group', { name: `Criterion ${n}` }));

afterEach(() => vi.unstubAllGlobals());

describe('scorecards settings', () => {
  it('lists scorecards in use first and archived ones greyed at the end; leads only look', async () => {
    serve();
    renderWith(<ScorecardsSettings me={lead} />);
    await screen.findByRole('row', { name: /^Quality/ });
    expect(rows()).toEqual([
      ['Quality', 'Empathy ×2 · 1–5Followed the refund policy ×1 · Yes / no', '2', 'In use'],
      ['Draft', 'Empathy ×2 · 1–5', '0', 'In use'],
      ['Old rubric', 'Empathy ×2 · 1–5', '4', expect.stringMatching(/^Archived .*2026/)],
    ]);
    expect(screen.getAllByRole('row')[3].className).toBe('inactive');
    expect(screen.queryByRole('button', { name: 'New scorecard' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
    expect(screen.getByText('You can look at these settings; only admins can change them.')).not.toBeNull();
  });

  it('creates a scorecard, showing each weight as a share of the score', async () => {
    const calls = serve();
    renderWith(<ScorecardsSettings me={admin} />);
    await userEvent.click(await screen.findByRole('button', { name: 'New scorecard' }));
    const form = screen.getByRole('form', { name: 'New scorecard' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Tone');
    await userEvent.type(criterion(form, 1).getByLabelText('What is scored'), 'Polite');
    await userEvent.click(within(form).getByRole('button', { name: 'Add criterion' }));
    await userEvent.type(criterion(form, 2).getByLabelText('What is scored'), 'Named the next step');
    const weight = criterion(form, 2).getByRole('spinbutton', { name: 'Weight' });
    await userEvent.clear(weight);
    await userEvent.type(weight, '3');
    await userEvent.selectOptions(criterion(form, 2).getByRole('combobox', { name: 'Scale' }), 'Yes / no');
    expect(computeAccessibleDescription(weight)).toBe('75 % of the score');
    await userEvent.click(within(form).getByRole('button', { name: 'Create scorecard' }));
    await screen.findByRole('row', { name: /^Tone/ });
    expect(sent(calls)).toEqual([
      {
        method: 'POST',
        path: '/api/scorecards',
        body: {
          name: 'Tone',
          criteria: [
            { label: 'Polite', weight: 1, scale: 'five' },
            { label: 'Named the next step', weight: 3, scale: 'yesNo' },
          ],
        },
      },
    ]);
  });

  it('edits the criteria of a scorecard no review uses yet, and puts a taken name on the name field', async () => {
    const calls = serve();
    renderWith(<ScorecardsSettings me={admin} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Draft' }));
    const form = screen.getByRole('form', { name: 'Edit Draft' });
    await userEvent.click(within(form).getByRole('button', { name: 'Add criterion' }));
    await userEvent.type(criterion(form, 2).getByLabelText('What is scored'), 'Solved it');
    await userEvent.click(within(form).getByRole('button', { name: 'Remove Criterion 1' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(rows()[1]).toEqual(['Draft', 'Solved it ×1 · 1–5', '0', 'In use']));
    expect(sent(calls)).toEqual([
      {
        method: 'PATCH',
        path: '/api/scorecards/1',
        body: { name: 'Draft', criteria: [{ label: 'Solved it', weight: 1, scale: 'five' }] },
      },
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'New scorecard' }));
    const create = screen.getByRole('form', { name: 'New scorecard' });
    await userEvent.type(within(create).getByLabelText('Name'), 'Quality');
    await userEvent.type(criterion(create, 1).getByLabelText('What is scored'), 'Anything');
    await userEvent.click(within(create).getByRole('button', { name: 'Create scorecard' }));
    await waitFor(() =>
      expect(computeAccessibleDescription(within(create).getByLabelText('Name'))).toBe(
        'Another scorecard has this name (archived ones count too).',
      ),
    );
  });

  it('keeps the criteria of a reviewed scorecard: rename only, or a new version that archives it', async () => {
    const calls = serve();
    renderWith(<ScorecardsSettings me={admin} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Quality' }));
    let form = screen.getByRole('form', { name: 'Edit Quality' });
    expect(within(form).getByRole('group', { name: 'Criteria' })).toHaveProperty('disabled', true);
    expect(within(form).queryByRole('button', { name: 'Add criterion' })).toBeNull();
    expect(within(form).getByText(/^2 reviews were scored with it, so its criteria stay as they are/)).not.toBeNull();
    const name = within(form).getByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Quality 2026');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByRole('row', { name: /^Quality 2026/ });

    await userEvent.click(screen.getByRole('button', { name: 'Edit Quality 2026' }));
    form = screen.getByRole('form', { name: 'Edit Quality 2026' });
    await userEvent.click(within(form).getByRole('button', { name: 'Change the criteria in a new version…' }));
    form = screen.getByRole('form', { name: 'New version of Quality 2026' });
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('Quality 2026 (2)');
    expect(within(form).getByRole('group', { name: 'Criteria' })).toHaveProperty('disabled', false);
    expect(textOf(within(form).getByText(/^Saving archives/))).toBe(
      'Saving archives “Quality 2026”: its 2 reviews keep it, and new reviews are scored with this version.',
    );
    const weight = criterion(form, 1).getByRole('spinbutton', { name: 'Weight' });
    await userEvent.clear(weight);
    await userEvent.type(weight, '5');
    await userEvent.click(within(form).getByRole('button', { name: 'Archive and save the new version' }));
    await screen.findByRole('row', { name: /^Quality 2026 \(2\)/ });
    expect(rows().map((r) => [r[0], r[3].startsWith('Archived')])).toEqual([
      ['Quality 2026 (2)', false],
      ['Draft', false],
      ['Old rubric', true],
      ['Quality 2026', true],
    ]);
    expect(sent(calls)).toEqual([
      { method: 'PATCH', path: '/api/scorecards/2', body: { name: 'Quality 2026' } },
      {
        method: 'POST',
        path: '/api/scorecards/2/copy',
        body: { name: 'Quality 2026 (2)', criteria: [{ ...EMPATHY, weight: 5 }, POLICY] },
      },
    ]);
  });

  it('archives and restores a scorecard from its row', async () => {
    const calls = serve();
    renderWith(<ScorecardsSettings me={admin} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Archive Draft' }));
    await waitFor(() => expect(rows().map((r) => r[0])).toEqual(['Quality', 'Old rubric', 'Draft']));
    await userEvent.click(screen.getByRole('button', { name: 'Restore Old rubric' }));
    await waitFor(() => expect(rows().map((r) => r[0])).toEqual(['Old rubric', 'Quality', 'Draft']));
    expect(rows()[0][3]).toBe('In use');
    expect(sent(calls).map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/scorecards/1/archive',
      'POST /api/scorecards/3/unarchive',
    ]);
  });
});
