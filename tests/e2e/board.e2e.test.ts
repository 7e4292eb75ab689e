import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seedPeople, startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { routeNewThreadsTo } from '#tests/factories';
import { channelEnv } from '#tests/server/channels/webhookHelpers';
import { launchBrowser, loginInBrowser, screenshot } from './browser';
import { seriousAxeViolations } from './axe';
import { lineCustomerArrives, lineMessage, openBoardAsLead, wallThenThai } from './boardPage';

let app: TestApp;
let browser: Browser;
let people: Awaited<ReturnType<typeof seedPeople>>;

beforeAll(async () => {
  app = await startApp(channelEnv(), { clientDir: join(process.cwd(), 'dist', 'client') });
  people = await seedPeople(app.db);
  routeNewThreadsTo(app.db, people.teamA);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('floor board in a real browser', () => {
  it('changes the waiting tiles live when a signed webhook arrives, and re-assigns from the board', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const agentPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await loginInBrowser(agentPage, app.url, 'agent.a2@test.local', TEST_PASSWORD);
    await agentPage.getByRole('button', { name: /^Mine/ }).click();

    await openBoardAsLead(page, app.url);

    // A new Thai customer writes on LINE (signed webhook): the tiles change without reload.
    await lineCustomerArrives(app, page, lineMessage('Uthai0001', '7001', 'ยังไม่ได้รับของเลยครับ ช่วยดูให้หน่อย'), 'board e2e');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'board-en');

    // The lead re-assigns the thread from the board; agent A2's inbox shows it live.
    const waiting = page.getByRole('region', { name: 'Longest waiting customers' });
    const select = waiting.getByRole('combobox', { name: /^Assign .* to$/ });
    await select.selectOption({ label: await optionLabel(select, 'agent.a2') });
    await waiting.getByRole('button', { name: 'Assign', exact: true }).click();
    await waiting.getByText('Assigned to agent.a2.').waitFor();
    await agentPage
      .getByRole('link', { name: /ยังไม่ได้รับของเลยครับ|Uthai0001|LINE/ })
      .first()
      .waitFor({ timeout: 5_000 });
    const grid = page.getByRole('table', { name: 'Agents' });
    await grid
      .getByRole('row', { name: /agent\.a2/ })
      .getByText('1 of 5')
      .waitFor();

    // Wall mode, then the board in Thai.
    await wallThenThai(app, page, 'board', async (p) => expect(await seriousAxeViolations(p)).toEqual([]));
    await page.close();
    await agentPage.close();
  });
});

async function optionLabel(select: ReturnType<Page['getByRole']>, name: string): Promise<string> {
  const labels = await select.locator('option').allTextContents();
  const found = labels.find((l) => l.startsWith(name));
  if (!found) throw new Error(`no option for ${name} in ${labels.join(' | ')}`);
  return found;
}
