import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { seedPeople, startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, postApiMessage } from '#tests/helpers/client';
import { launchBrowser, loginInBrowser, screenshot } from './browser';

let app: TestApp;
let browser: Browser;
let secret: string;

beforeAll(async () => {
  app = await startApp({}, { clientDir: join(process.cwd(), 'dist', 'client') });
  await seedPeople(app.db);
  secret = (await createApiKey(await login(app.url, 'admin@test.local'))).secret;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('live inbox in a real browser', () => {
  it('shows a message posted through the API channel in the list and the open thread without reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    const first = await (
      await postApiMessage(app.url, secret, {
        customer: { id: 'e2e-1', name: 'Kasia Nowak' },
        message: { id: 'e2e-m1', text: 'Dzień dobry, paczka nie dotarła' },
      })
    ).json();
    await loginInBrowser(page, app.url, 'agent.a@test.local', TEST_PASSWORD);
    const row = page.getByRole('link', { name: /Kasia Nowak/ });
    await row.waitFor();
    await row.click();
    await page.getByRole('heading', { name: 'Kasia Nowak' }).waitFor();
    const timeline = page.getByRole('list', { name: 'Conversation history' });
    await timeline.getByText('Dzień dobry, paczka nie dotarła').waitFor();

    // A new customer writes while the agent watches: the list updates live.
    await postApiMessage(app.url, secret, {
      customer: { id: 'e2e-2', name: 'สมชาย ใจดี' },
      message: { id: 'e2e-m2', text: 'ยังไม่ได้รับของเลยครับ' },
    });
    await page.getByRole('link', { name: /สมชาย ใจดี/ }).waitFor({ timeout: 10_000 });
    // The open thread's customer writes again: it appears in the open thread.
    await postApiMessage(app.url, secret, {
      customer: { id: 'e2e-1' },
      message: { id: 'e2e-m3', text: 'Halo? Jest tam ktoś? 😠' },
    });
    await timeline.getByText('Halo? Jest tam ktoś? 😠').waitFor({ timeout: 10_000 });
    const navigations = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    expect(navigations).toBe(1); // no reload happened

    // Reply from the browser; it is stored and shown.
    await page.getByRole('textbox', { name: 'Message' }).fill('Sprawdzam to teraz, przepraszam za kłopot.');
    await page.keyboard.press('Enter');
    await timeline.getByText('Sprawdzam to teraz, przepraszam za kłopot.').waitFor();
    const stored = await (
      await (await login(app.url, 'admin@test.local')).get(`/api/threads/${first.threadId}/messages`)
    ).json();
    expect(stored.items.map((m: { text: string }) => m.text)).toContain('Sprawdzam to teraz, przepraszam za kłopot.');
    await screenshot(page, 'inbox-live-thread');
    expect(cspViolations).toEqual([]); // the app runs under its own strict CSP
    await page.close();
  });
});
