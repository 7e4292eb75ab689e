import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { isNotNull } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { episodes } from '#server/db/schema';
import { seedReportHistory } from '#server/services/demo/history';
import { seedPeople, startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { login } from '#tests/helpers/client';
import { seriousAxeViolations } from './axe';
import { launchBrowser, loginInBrowser, screenshot } from './browser';

// An admin keeps the rubrics in Settings → Scorecards: a rubric already used in a review keeps its
// criteria, so the admin makes a new version (archive and copy) and archives an unused draft; the
// supervisor's review form then offers only the new version. Screenshots: scorecards-list,
// scorecards-locked, scorecards-new-version.
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({}, { clientDir: join(process.cwd(), 'dist', 'client') });
  const people = await seedPeople(app.db);
  seedReportHistory(app.db, {
    now: Date.now(),
    teamId: people.teamA,
    agents: [{ id: people.agentA, quality: 0.6 }],
    weeks: 1,
    perDay: 2,
    seed: 3,
  });
  const admin = await login(app.url, 'admin@test.local');
  const quality = await (
    await admin.post('/api/scorecards', {
      name: 'Quality',
      criteria: [
        { label: 'Empathy', weight: 2, scale: 'five' },
        { label: 'Solved on first contact', weight: 1, scale: 'yesNo' },
      ],
    })
  ).json();
  await admin.post('/api/scorecards', {
    name: 'Draft: tone',
    criteria: [{ label: 'Polite', weight: 1, scale: 'five' }],
  });
  const episode = app.db.select().from(episodes).where(isNotNull(episodes.resolvedAt)).get()!;
  const supervisor = await login(app.url, 'supervisor@test.local');
  const review = await supervisor.post('/api/reviews', {
    scorecardId: quality.id,
    episodeId: episode.id,
    scores: [4, 1],
  });
  expect(review.status).toBe(201);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function openScorecards(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Scorecards' }).click();
  await page.getByRole('heading', { level: 1, name: 'Scorecards' }).waitFor();
}

describe('scorecards settings in a real browser', () => {
  it('keeps a used rubric’s criteria, makes a new version, archives a draft', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await loginInBrowser(page, app.url, 'admin@test.local', TEST_PASSWORD);
    await openScorecards(page);
    await page.getByRole('row', { name: /^Quality/ }).waitFor();
    const axe = await seriousAxeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
    await screenshot(page, 'scorecards-list');

    await page.getByRole('button', { name: 'Edit Quality' }).click();
    let form = page.getByRole('form', { name: 'Edit Quality' });
    await form.getByText('1 review was scored with it, so its criteria stay as they are').waitFor();
    expect(await form.getByRole('group', { name: 'Criterion 1' }).getByLabel('What is scored').isDisabled()).toBe(true);
    await screenshot(page, 'scorecards-locked');

    await form.getByRole('button', { name: 'Change the criteria in a new version…' }).click();
    form = page.getByRole('form', { name: 'New version of Quality' });
    expect(await form.getByLabel('Name').inputValue()).toBe('Quality (2)');
    await form.getByRole('group', { name: 'Criterion 2' }).getByRole('spinbutton', { name: 'Weight' }).fill('3');
    await form.getByRole('button', { name: 'Add criterion' }).click();
    await form.getByRole('group', { name: 'Criterion 3' }).getByLabel('What is scored').fill('Named the next step');
    const axeForm = await seriousAxeViolations(page);
    expect(axeForm, JSON.stringify(axeForm, null, 2)).toEqual([]);
    await screenshot(page, 'scorecards-new-version');
    await form.getByRole('button', { name: 'Archive and save the new version' }).click();
    await page.getByRole('row', { name: /^Quality \(2\)/ }).waitFor();

    await page.getByRole('button', { name: 'Archive Draft: tone' }).click();
    await page.getByRole('button', { name: 'Restore Draft: tone' }).waitFor();
    const status = await page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Quality', exact: true }) })
      .getByRole('cell')
      .nth(2)
      .textContent();
    expect(status).toMatch(/^Archived /);
    await screenshot(page, 'scorecards-archived');

    // The supervisor's review form offers only the rubric in use.
    const sup = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await loginInBrowser(sup, app.url, 'supervisor@test.local', TEST_PASSWORD);
    await sup.getByRole('link', { name: 'Reports' }).click();
    const queue = sup.getByRole('region', { name: 'Review queue' });
    await queue.getByRole('combobox', { name: 'Sample' }).selectOption('random');
    await queue.getByRole('button', { name: 'Score' }).first().click();
    const dialog = sup.getByRole('dialog');
    const options = await dialog.getByRole('combobox', { name: 'Scorecard' }).locator('option').allTextContents();
    expect(options).toEqual(['Quality (2)']);
  });
});
