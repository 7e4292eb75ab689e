import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seedPeople, startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { login } from '#tests/helpers/client';
import { routeNewThreadsTo } from '#tests/factories';
import { channelEnv, postLine } from '#tests/server/channels/webhookHelpers';
import { launchBrowser, loginInBrowser, screenshot } from './browser';
import { seriousAxeViolations } from './axe';
import { lineMessage, tile } from './boardPage';

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

    await loginInBrowser(page, app.url, 'lead@test.local', TEST_PASSWORD);
    await page.getByRole('link', { name: 'Floor board' }).click();
    await page.getByRole('heading', { name: 'Team A', exact: true }).waitFor();
    await page.getByText(/Live · last change/).waitFor();
    expect(await tile(page, 'Team A', 'Waiting').textContent()).toBe('0');
    expect(await tile(page, 'Team A', 'Longest wait').textContent()).toBe('—');

    // A new Thai customer writes on LINE (signed webhook): the tiles change without reload.
    const sent = Date.now();
    const res = await postLine(app, lineMessage('Uthai0001', '7001', 'ยังไม่ได้รับของเลยครับ ช่วยดูให้หน่อย'));
    expect(res.status).toBe(200);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.board-tile')].some(
          (t) => t.querySelector('dt')?.textContent === 'Waiting' && t.querySelector('dd')?.textContent === '1',
        ),
      undefined,
      { timeout: 2_000 },
    );
    console.log(`[board e2e] webhook → waiting tile changed in ${Date.now() - sent} ms`);
    expect(await tile(page, 'Team A', 'Longest wait').textContent()).not.toBe('—');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
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
    await page.getByRole('button', { name: 'Wall mode' }).click();
    await page.getByRole('button', { name: 'Leave wall mode' }).waitFor();
    await page.getByText(/Live · last change/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'board-wall');
    await page.getByRole('button', { name: 'Leave wall mode' }).click();
    const lead = await login(app.url, 'lead@test.local');
    expect((await lead.patch('/api/auth/me', { locale: 'th' })).status).toBe(200);
    await page.reload();
    await page.getByRole('heading', { name: 'กระดานงานสด' }).waitFor();
    await page.getByText(/สด · เปลี่ยนล่าสุดเมื่อ/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'board-th');
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
