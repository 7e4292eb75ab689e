// What the board specs share: a LINE webhook body as LINE posts it, a board tile's value, the lead on
// the board, and a LINE customer arriving on it live.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { postLine } from '#tests/server/channels/webhookHelpers';
import { login } from '#tests/helpers/client';
import { loginInBrowser, screenshot } from './browser';

/** A LINE message event from a user, as LINE posts it. */
export function lineMessage(userId: string, id: string, text: string): string {
  return JSON.stringify({
    destination: 'U0123456789abcdef0123456789abcdef',
    events: [
      {
        type: 'message',
        message: { type: 'text', id, quoteToken: 'q', text },
        webhookEventId: `01H${id}`,
        deliveryContext: { isRedelivery: false },
        timestamp: Date.now(),
        source: { type: 'user', userId },
        replyToken: 'r',
        mode: 'active',
      },
    ],
  });
}

/** The value of a tile in a team's section of the board. */
export function tile(page: Page, team: string, label: string) {
  return page
    .getByRole('region', { name: team })
    .locator('.board-tile')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('dd');
}

/** The lead signs in and opens the floor board: live, with nobody waiting on Team A yet. */
export async function openBoardAsLead(page: Page, url: string): Promise<void> {
  await loginInBrowser(page, url, 'lead@test.local', TEST_PASSWORD);
  await page.getByRole('link', { name: 'Floor board' }).click();
  await page.getByRole('heading', { name: 'Team A', exact: true }).waitFor();
  await page.getByText(/Live · last change/).waitFor();
  expect(await tile(page, 'Team A', 'Waiting').textContent()).toBe('0');
  expect(await tile(page, 'Team A', 'Longest wait').textContent()).toBe('—');
}

/**
 * A new customer writes on LINE (signed webhook): within 2 s Team A's tiles show one waiting, with a
 * longest wait, and the board never reloaded. `spec` names the spec in the logged delay.
 */
export async function lineCustomerArrives(app: TestApp, page: Page, body: string, spec: string): Promise<void> {
  const sent = Date.now();
  const res = await postLine(app, body);
  expect(res.status).toBe(200);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.board-tile')].some(
        (t) => t.querySelector('dt')?.textContent === 'Waiting' && t.querySelector('dd')?.textContent === '1',
      ),
    undefined,
    { timeout: 2_000 },
  );
  console.log(`[${spec}] webhook → waiting tile changed in ${Date.now() - sent} ms`);
  expect(await tile(page, 'Team A', 'Longest wait').textContent()).not.toBe('—');
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
}

/**
 * Wall mode and back, then the board in Thai once the lead has switched language (a reload): both
 * live. `check` runs on each before its screenshot (`<shots>-wall`, `<shots>-th`).
 */
export async function wallThenThai(
  app: TestApp,
  page: Page,
  shots: string,
  check: (page: Page) => Promise<void> = async () => {},
): Promise<void> {
  await page.getByRole('button', { name: 'Wall mode' }).click();
  await page.getByRole('button', { name: 'Leave wall mode' }).waitFor();
  await page.getByText(/Live · last change/).waitFor();
  await check(page);
  await screenshot(page, `${shots}-wall`);
  await page.getByRole('button', { name: 'Leave wall mode' }).click();
  const lead = await login(app.url, 'lead@test.local');
  expect((await lead.patch('/api/auth/me', { locale: 'th' })).status).toBe(200);
  await page.reload();
  await page.getByRole('heading', { name: 'กระดานงานสด' }).waitFor();
  await page.getByText(/สด · เปลี่ยนล่าสุดเมื่อ/).waitFor();
  await check(page);
  await screenshot(page, `${shots}-th`);
}
