import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Locale } from '#shared/schemas/agent';
import { startApp, type TestApp } from '#tests/helpers/app';
import { login, type AgentClient } from '#tests/helpers/client';
import { DEMO_PASSWORD, seedDemoWorkspace } from '#server/services/demo/seed';
import { nobodyOnline, nullPublisher } from '#server/services/deps';
import { ingestInbound } from '#server/services/ingest';
import { SETTINGS_SECTIONS } from '#client/features/settings/sections';
import { launchBrowser, loginInBrowser, screenshot } from './browser';
import { layoutProblems } from './layoutProbe';

let app: TestApp;
let browser: Browser;
let admin: AgentClient;
let threadId: number;

beforeAll(async () => {
  app = await startApp({}, { clientDir: join(process.cwd(), 'dist', 'client') });
  await seedDemoWorkspace(app.db, Date.now());
  // A customer writing Arabic (right to left) with an emoji, routed to "Europe & Americas".
  threadId = ingestInbound(
    { db: app.db, publisher: nullPublisher, presence: nobodyOnline, now: Date.now },
    {
      channel: 'telegram',
      transport: 'test',
      providerMessageId: 'rtl-1',
      from: { address: '900000001', displayName: 'عبد الرحمن الفلاني' },
      text: 'شكراً جزيلاً، وصل الطلب اليوم 😊',
      attachments: [],
      providerTs: Date.now(),
    },
  ).threadId;
  admin = await login(app.url, 'admin@demo.braid', DEMO_PASSWORD);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Every main screen of the workspace, as an address the admin can open. */
function screens(): Array<[string, string]> {
  return [
    ['inbox', '/'],
    ['thread', `/t/${threadId}`],
    ['search', '/search?q=order'],
    ['search-customers', '/search?q=a&tab=customers'],
    ['reports', '/reports'],
    ['board', '/board'],
    ...SETTINGS_SECTIONS.map((s): [string, string] => [`settings-${s.key}`, s.path]),
  ];
}

/** How the Arabic message is laid out: its direction, and whether its font stack has a colour emoji font. */
async function rtlAndEmoji(page: Page): Promise<{ direction: string; emojiFont: boolean }> {
  return page.locator('.msg-body', { hasText: 'شكراً' }).evaluate((el) => ({
    direction: getComputedStyle(el).direction,
    emojiFont: /Noto Color Emoji/.test(getComputedStyle(el).fontFamily),
  }));
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

describe('layout at 1280×800 in every UI language', () => {
  it.each(['en', 'pl', 'th', 'zh-CN'] as Locale[])(
    '%s: no wrapping button, no clipped select, dir=auto on customer text',
    async (locale) => {
      expect((await admin.patch('/api/auth/me', { locale })).status).toBe(200);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await loginInBrowser(page, app.url, 'admin@demo.braid', DEMO_PASSWORD);
      const problems: string[] = [];
      for (const [name, path] of screens()) {
        await page.goto(`${app.url}${path}`);
        await page.getByRole('navigation').first().waitFor();
        if (name === 'thread') await page.locator('.msg-body').first().waitFor();
        if (name === 'thread') expect(await rtlAndEmoji(page)).toEqual({ direction: 'rtl', emojiFont: true });
        if (name === 'inbox') await page.locator('.thread-row').first().waitFor();
        await settle(page);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
        await screenshot(page, `layout-${locale}-${name}`);
        for (const p of await layoutProblems(page)) problems.push(`${name}: ${p}`);
      }
      await page.close();
      expect(problems).toEqual([]);
    },
    // Each locale visits every screen (a dozen page loads with screenshots): 65–82 s at a load average of
    // 24 on 2 cores, so the suite's 90 s default was too tight for it. A time budget, not an assertion.
    240_000,
  );
});
