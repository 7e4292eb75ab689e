import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createAgent, createTeam } from '#server/services/agents';
import { seedReportHistory } from '#server/services/demo/history';
import { startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { login } from '#tests/helpers/client';
import { seriousAxeViolations } from './axe';
import { launchBrowser, loginInBrowser, screenshot } from './browser';

// A supervisor reads the decile gap, follows a figure to its conversations and scores one; the agent
// reads and acknowledges the review. Screenshots: reports-en, reports-scorecard, reports-zh, reports-agent.
const QUALITY: Array<[string, number]> = [
  ['Olivia Quick', 0.95],
  ['Piotr Steady', 0.7],
  ['Mai Average', 0.5],
  ['Tom Patchy', 0.3],
  ['Slow Sid', 0.05],
];
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({}, { clientDir: join(process.cwd(), 'dist', 'client') });
  const now = Date.now();
  const teamId = createTeam(app.db, { name: 'Support EU', autoAssign: false }, now);
  const agents: Array<{ id: number; quality: number }> = [];
  for (const [name, quality] of QUALITY) {
    const email = `${name.split(' ')[0].toLowerCase()}@test.local`;
    const id = await createAgent(
      app.db,
      { email, name, role: 'agent', password: TEST_PASSWORD, locale: 'en', capacity: 5, teamIds: [teamId] },
      now,
    );
    agents.push({ id, quality });
  }
  // Two supervisors: Sue switches to Chinese on the way; Sam reads the lead-side lists in English.
  for (const [email, name] of [
    ['sue@test.local', 'Sue Supervisor'],
    ['sam@test.local', 'Sam Supervisor'],
  ])
    await createAgent(
      app.db,
      { email, name, role: 'supervisor', password: TEST_PASSWORD, locale: 'en', capacity: 5, teamIds: [] },
      now,
    );
  seedReportHistory(app.db, { now, teamId, agents, weeks: 6, perDay: 2, seed: 11 });
  const admin = await login(app.url, 'admin@test.local');
  const card = await admin.post('/api/scorecards', {
    name: 'Quality',
    criteria: [
      { label: 'Empathy', weight: 2, scale: 'five' },
      { label: 'Solved on first contact', weight: 1, scale: 'yesNo' },
    ],
  });
  expect(card.status).toBe(201);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('reports in a real browser', () => {
  it('supervisor sees the decile gap, follows a figure to its conversations and scores one; the agent sees the review', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await loginInBrowser(page, app.url, 'sue@test.local', TEST_PASSWORD);
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    const gaps = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Top 10 %' }) });
    const firstRow = gaps.getByRole('row', { name: /^First response/ });
    await firstRow.getByRole('button', { name: 'Olivia Quick' }).waitFor();
    await firstRow.getByRole('button', { name: 'Slow Sid' }).waitFor();
    await page.locator('.report-chart canvas').first().waitFor();
    const axe = await seriousAxeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
    await screenshot(page, 'reports-en');

    // The bottom agent's first response → the conversations behind it, slowest first.
    await page.getByRole('button', { name: /^Slow Sid: First response / }).click();
    const drill = page.getByRole('region', { name: 'Conversations behind “Slow Sid: First response”' });
    await drill.getByRole('link').first().waitFor();
    const rows = await drill.getByRole('row').count();
    expect(rows).toBeGreaterThan(5);

    // Score the slowest one with a comment on one of its messages.
    await drill.getByRole('button', { name: 'Score' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Empathy').selectOption('2');
    await dialog.getByLabel('Solved on first contact').selectOption('0');
    await dialog.getByLabel('On message').selectOption({ index: 2 });
    await dialog
      .getByRole('textbox', { name: 'Comment' })
      .fill('Answer within the promised 15 minutes, even if only to say you are on it.');
    await dialog.getByRole('button', { name: 'Add comment' }).click();
    await screenshot(page, 'reports-scorecard');
    await dialog.getByRole('button', { name: 'Save review' }).click();
    await dialog.waitFor({ state: 'detached' });
    const reviews = page.getByRole('region', { name: 'Reviews' });
    await reviews.getByText('Answer within the promised 15 minutes, even if only to say you are on it.').waitFor();
    // (2 · ¼ + 0) / 3 = 16.7
    await reviews.getByText('16.7', { exact: true }).waitFor();

    // Follow a conversation: its thread opens.
    const link = drill.getByRole('link').first();
    const name = (await link.textContent())!;
    await link.click();
    await page.getByRole('heading', { name }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/t\/\d+$/);

    // The same report in Chinese.
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('link', { name: '报表' }).click();
    await page.getByRole('heading', { level: 1, name: '报表' }).waitFor();
    await page.getByRole('columnheader', { name: '前 10 %' }).waitFor();
    await page.locator('.report-chart canvas').first().waitFor();
    await screenshot(page, 'reports-zh');
    await page.close();

    // The agent sees their own figures and the review, and acknowledges it.
    const agentPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await loginInBrowser(agentPage, app.url, 'slow@test.local', TEST_PASSWORD);
    await agentPage.getByRole('link', { name: 'Reports' }).click();
    await agentPage.getByRole('heading', { level: 1, name: 'Your figures' }).waitFor();
    expect(await agentPage.getByRole('columnheader', { name: 'Top 10 %' }).count()).toBe(0);
    const mine = agentPage.getByRole('region', { name: 'My reviews' });
    await mine.getByText('Answer within the promised 15 minutes, even if only to say you are on it.').waitFor();
    await mine.getByRole('button', { name: 'Acknowledge' }).click();
    await mine.getByText(/^Acknowledged /).waitFor();
    await screenshot(agentPage, 'reports-agent');
    await agentPage.close();
  });

  it('lead-side lists: a histogram bin, a leading indicator and the review queue each open their conversations', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await loginInBrowser(page, app.url, 'sam@test.local', TEST_PASSWORD);
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();

    // A histogram bin lists the first responses in it; the address keeps the pick.
    const bin = page.getByRole('button', { name: /^First response: up to 15m \d+$/ });
    await bin.click();
    const drill = page.getByRole('region', { name: 'Conversations behind “First response: up to 15m”' });
    await drill.getByRole('link').first().waitFor();
    const shown = Number(((await bin.getAttribute('aria-label')) ?? '').split(' ').pop()!.replace(/\D/g, ''));
    await drill.getByText(new RegExp(`of ${shown}\\b`)).waitFor();
    const url = new URL(page.url());
    expect([
      url.searchParams.get('drill'),
      url.searchParams.get('drillAbove'),
      url.searchParams.get('drillUpTo'),
    ]).toEqual(['firstResponse', '300000', '900000']);
    // Reloading the address shows the same list.
    await page.reload();
    await drill.getByRole('link').first().waitFor();

    // A leading indicator lists the promises behind it, the broken ones first.
    await page.getByRole('button', { name: /^Expectations exceeded / }).click();
    const promises = page.getByRole('region', { name: 'Conversations behind “Expectations exceeded”' });
    await promises.getByText('not sooner than promised').first().waitFor();

    // The review queue: the conversations that ended badly, not yet reviewed; score one in place.
    const queue = page.getByRole('region', { name: 'Review queue' });
    await queue.getByRole('combobox', { name: 'Sample' }).selectOption('negativeEnd');
    await queue
      .getByText(/mood at the end -0\.\d+/)
      .first()
      .waitFor();
    const before = await queue.getByRole('row').count();
    const first = (await queue.getByRole('link').first().textContent())!;
    await screenshot(page, 'reports-queue');
    await queue.getByRole('button', { name: 'Score' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Empathy').selectOption('3');
    await dialog.getByRole('button', { name: 'Save review' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The scored conversation leaves the queue (the next one moves up).
    await expect.poll(async () => queue.getByRole('link', { name: first, exact: true }).count()).toBe(0);
    expect(await queue.getByRole('row').count()).toBeLessThanOrEqual(before);
    await page.close();
  });
});
