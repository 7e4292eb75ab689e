import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seedPeople, startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { login, type AgentClient } from '#tests/helpers/client';
import { routeNewThreadsTo } from '#tests/factories';
import { channelEnv } from '#tests/server/channels/webhookHelpers';
import type { RoutingExplain } from '#shared/schemas/routingExplain';
import { launchBrowser, loginInBrowser, screenshot } from './browser';
import { lineCustomerArrives, lineMessage, openBoardAsLead, wallThenThai } from './boardPage';

let app: TestApp;
let browser: Browser;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;

beforeAll(async () => {
  app = await startApp(channelEnv(), { clientDir: join(process.cwd(), 'dist', 'client') });
  people = await seedPeople(app.db);
  routeNewThreadsTo(app.db, people.teamA);
  admin = await login(app.url, 'admin@test.local');
  // Team A auto-assigns with language skills (the default rules); agent A speaks English, agent A2 Thai;
  // neither has a separate email/API limit, so their load counts all open conversations.
  expect((await admin.patch(`/api/teams/${people.teamA}`, { autoAssign: true })).status).toBe(200);
  expect((await admin.patch(`/api/agents/${people.agentA}`, { languages: ['en'] })).status).toBe(200);
  expect((await admin.patch(`/api/agents/${people.agentA2}`, { languages: ['th'] })).status).toBe(200);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** An agent's inbox in a browser context of its own, on the "Mine" view (online: routing counts them). */
async function inboxOf(email: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await loginInBrowser(page, app.url, email, TEST_PASSWORD);
  await page.getByRole('button', { name: /^Mine/ }).click();
  return page;
}

describe('skills routing in a real browser', () => {
  it('routes a new Thai customer to the Thai speaker live on the board, then the lead reassigns it', async () => {
    const thaiAgent = await inboxOf('agent.a2@test.local');
    const otherAgent = await inboxOf('agent.a@test.local');
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await ctx.newPage();
    await openBoardAsLead(page, app.url);

    // A new Thai customer writes on LINE (signed webhook): within 2 s the tiles change, no reload.
    const thai = lineMessage('Uthai0042', '9042', 'สวัสดีครับ สั่งของไปสามวันแล้วยังไม่ได้รับเลย');
    await lineCustomerArrives(app, page, thai, 'routing e2e');

    // Routing gave it to the Thai speaker: the API says why, and it shows in agent A2's inbox live.
    const threadId = (app.db.$client.prepare('select id from threads order by id desc limit 1').get() as { id: number })
      .id;
    await thaiAgent
      .getByRole('link', { name: /สวัสดีครับ/ })
      .first()
      .waitFor({ timeout: 5_000 });
    const explain = (await (await admin.get(`/api/routing/explain/${threadId}`)).json()) as RoutingExplain;
    expect(explain).toMatchObject({ state: 'routed', agentId: people.agentA2, reason: { language: 'th' } });
    const grid = page.getByRole('table', { name: 'Agents' });
    await grid
      .getByRole('row', { name: /agent\.a2/ })
      .getByText('1 of 5')
      .waitFor();
    // The waiting row on the board says why, in the thread header's words.
    const boardWhy = page
      .getByRole('region', { name: 'Longest waiting customers' })
      .locator('.board-why', { hasText: 'agent.a2' });
    await boardWhy.waitFor();
    expect(await boardWhy.textContent()).toBe(
      'Why here: Auto-assigned to agent.a2: Thai speaker, 1 of 5 open conversations',
    );
    await screenshot(page, 'routing-board-en');

    // The thread header says why, in words.
    await thaiAgent
      .getByRole('link', { name: /สวัสดีครับ/ })
      .first()
      .click();
    const why = thaiAgent.locator('.routing-why');
    await why.waitFor();
    expect(await why.textContent()).toBe(
      'Why here: Auto-assigned to agent.a2: Thai speaker, 1 of 5 open conversations',
    );
    await screenshot(thaiAgent, 'routing-thread-why');

    // The lead reassigns it from the board to agent A; agent A's inbox shows it live.
    const waiting = page.getByRole('region', { name: 'Longest waiting customers' });
    const select = waiting.getByRole('combobox', { name: /^Assign .* to$/ });
    const labels = await select.locator('option').allTextContents();
    const target = labels.find((l) => /^agent\.a\b(?!2)/.test(l));
    expect(target).not.toBeUndefined();
    await select.selectOption({ label: target! });
    await waiting.getByRole('button', { name: 'Assign', exact: true }).click();
    await waiting.getByText('Assigned to agent.a.').waitFor();
    await otherAgent
      .getByRole('link', { name: /สวัสดีครับ/ })
      .first()
      .waitFor({ timeout: 5_000 });
    expect(await otherAgent.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    // Agent A2 had it open: the why line follows the reassignment without a reload.
    await thaiAgent.waitForFunction(
      () => document.querySelector('.routing-why')?.textContent === 'Why here: lead assigned it to agent.a',
    );

    // Wall mode, then the board in Thai.
    await wallThenThai(app, page, 'routing-board');
    await ctx.close();
    await thaiAgent.context().close();
    await otherAgent.context().close();
  });
});
