import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ingestInbound } from '#server/services/ingest';
import { seedPeople, startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { inbound, routeNewThreadsTo } from '#tests/factories';
import { launchBrowser, loginInBrowser, screenshot } from './browser';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({}, { clientDir: join(process.cwd(), 'dist', 'client') });
  const people = await seedPeople(app.db);
  routeNewThreadsTo(app.db, people.teamA);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

function write(channel: 'sms' | 'webchat' | 'email' | 'line', address: string, name: string, text: string) {
  return ingestInbound(app.braid.ctx.deps, inbound(channel, address, text, { from: { address, displayName: name } }));
}

describe('namesakes and likely duplicates in a real browser', () => {
  it('tells two 王芳 apart in the inbox and suggests the other Piotr Nowak in the customer panel', async () => {
    write('sms', '+8613812345678', '王芳', '我的订单还没到');
    write('webchat', 'demo-visitor-38', '王芳', '你好，请问营业时间？');
    write('line', 'U4af4980629cf', 'Piotr Nowak', 'Dzień dobry');
    write('email', 'piotrnowak+sklep@gmail.com', 'Piotr Nowak', 'Zamówienie 1234');
    const piotr = write('email', 'piotr.nowak@gmail.com', 'Piotr Nowak', 'Gdzie jest moja paczka?');

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await loginInBrowser(page, app.url, 'agent.a@test.local', TEST_PASSWORD);
    const rows = page.getByRole('link', { name: /王芳/ });
    await rows.nth(1).waitFor();
    const texts = await rows.allTextContents();
    expect(texts.some((x) => x.includes('+86 ••• •••• •678'))).toBe(true);
    expect(texts.some((x) => x.includes('Web chat visitor'))).toBe(true);
    expect(texts.join(' ')).not.toContain('demo-visitor-38');
    await screenshot(page, 'duplicates-inbox-namesakes');

    await page.goto(`${app.url}/t/${piotr.threadId}`);
    const box = page.getByRole('region', { name: 'Likely duplicates' });
    await box.waitFor();
    expect(await box.textContent()).toContain('the same mailbox piotrnowak@gmail.com');
    expect(await box.textContent()).not.toContain('LINE'); // the namesake with only the name is not suggested
    await box.scrollIntoViewIfNeeded();
    await screenshot(page, 'duplicates-customer-panel');
    await page.close();
  });
});
