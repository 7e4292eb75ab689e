import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ingestInbound } from '#server/services/ingest';
import { seedPeople, startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';
import { inbound } from '#tests/factories';
import { launchBrowser, loginInBrowser, screenshot } from './browser';

let app: TestApp;
let browser: Browser;
let rec: Recorder;
const THAI = 'สั่งของไปสามวันแล้ว พัสดุยังไม่มาถึงเลยค่ะ ช่วยตรวจสอบให้หน่อย';
const CHINESE = '我的包裹已经一个星期了还没到，请帮我查一下';
const found: Record<'thai' | 'chinese', { threadId: number; messageId: number; customerName: string }> = {} as never;

beforeAll(async () => {
  app = await startApp(ALLOW_LOOPBACK_OUTBOUND, { clientDir: join(process.cwd(), 'dist', 'client') });
  await seedPeople(app.db);
  rec = await startRecorder();
  const say = (channel: 'line' | 'webchat', from: string, text: string, name: string) => {
    const r = ingestInbound(
      app.braid.ctx.deps,
      inbound(channel, from, text, { from: { address: from, displayName: name } }),
    );
    if (r.status !== 'stored') throw new Error('not stored');
    return r;
  };
  // The Thai message is old history: 70 later messages push it out of the first page the thread loads.
  const thai = say('line', 'U-somchai', THAI, 'สมชาย ใจดี');
  for (let i = 1; i <= 70; i++) say('line', 'U-somchai', `ข้อความที่ ${i} เรื่องอื่น`, 'สมชาย ใจดี');
  const zh = say('webchat', 'visitor-wang', CHINESE, 'Wang Fang');
  for (let i = 1; i <= 5; i++) say('webchat', 'visitor-wang', `第${i}条其他消息`, 'Wang Fang');
  // Another Thai customer whose message also has the word, and one whose word only looks alike.
  say('line', 'U-malee', 'พัสดุมาถึงแล้วค่ะ ขอบคุณ', 'มาลี');
  say('line', 'U-other', 'วันนี้ฝนตกหนักมาก', 'Other');
  found.thai = { threadId: thai.threadId, messageId: thai.messageId, customerName: 'สมชาย ใจดี' };
  found.chinese = { threadId: zh.threadId, messageId: zh.messageId, customerName: 'Wang Fang' };
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await rec?.close();
  await app?.close();
});

async function openHit(page: Page, name: string, expected: { threadId: number; messageId: number }, text: string) {
  const hits = page.getByRole('list', { name: 'Messages found' });
  await hits.getByRole('link').filter({ hasText: name }).first().click();
  await page.waitForURL(`**/t/${expected.threadId}?m=${expected.messageId}`);
  const focused = page.locator('.row-focus');
  await focused.waitFor();
  expect(await focused.innerText()).toContain(text);
  await expect.poll(() => focused.isVisible()).toBe(true);
  // It is scrolled into the timeline's view, not just present in the list.
  const box = await focused.boundingBox();
  const pane = await page.getByRole('region', { name: 'Messages' }).boundingBox();
  expect(box && pane && box.y >= pane.y - 5 && box.y + 20 <= pane.y + pane.height).toBe(true);
}

describe('supervision in a real browser', () => {
  it('a supervisor finds a Thai and a Chinese word and lands on the right message', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await loginInBrowser(page, app.url, 'supervisor@test.local', TEST_PASSWORD);
    // The top-bar box, reached with "/", searches messages on Enter.
    await page.keyboard.press('/');
    await page.keyboard.type('พัสดุ');
    await page.getByRole('option', { name: 'Search messages for “พัสดุ”' }).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search?q=*');
    const hits = page.getByRole('list', { name: 'Messages found' });
    await hits.getByRole('link').first().waitFor();
    const texts = await hits.getByRole('listitem').allInnerTexts();
    expect(texts).toHaveLength(2);
    expect(await hits.locator('mark').allInnerTexts()).toEqual(['พัสดุ', 'พัสดุ']);
    expect(texts.join('\n')).not.toContain('ฝนตก');
    await screenshot(page, 'search-thai-results');
    await openHit(page, found.thai.customerName, found.thai, THAI);
    await screenshot(page, 'search-thai-opened');

    await page.goto(`${app.url}/search`);
    await page.getByRole('searchbox', { name: 'Search text' }).fill('包裹');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('list', { name: 'Messages found' }).getByRole('link').first().waitFor();
    expect(await page.getByRole('list', { name: 'Messages found' }).locator('mark').allInnerTexts()).toEqual(['包裹']);
    await screenshot(page, 'search-chinese-results');
    await openHit(page, found.chinese.customerName, found.chinese, CHINESE);
    await screenshot(page, 'search-chinese-opened');
    await ctx.close();
  });

  it('downloads the search results as CSV with the expected rows', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await ctx.newPage();
    await loginInBrowser(page, app.url, 'supervisor@test.local', TEST_PASSWORD);
    await page.goto(`${app.url}/search?q=${encodeURIComponent('พัสดุ')}&channel=line`);
    await page.getByRole('list', { name: 'Messages found' }).getByRole('link').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export results (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^braid-search-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(3); // header + the two Thai messages with the word
    expect(lines.slice(1).some((l) => l.includes(THAI))).toBe(true);
    expect(lines.slice(1).some((l) => l.includes('พัสดุมาถึงแล้วค่ะ'))).toBe(true);
    await page.getByRole('status').filter({ hasText: 'Downloaded 2 rows.' }).waitFor();
    await screenshot(page, 'search-export');
    await ctx.close();
  });

  it('an admin filters the audit log and sees that supervisor’s views; sets up a webhook; prints a transcript', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await loginInBrowser(page, app.url, 'admin@test.local', TEST_PASSWORD);
    await page.goto(`${app.url}/settings/audit`);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByLabel('Who').selectOption({ label: 'supervisor' });
    await page.getByLabel('Action').selectOption('customer.viewed');
    const rows = page.getByRole('row').filter({ hasText: 'customer.viewed' });
    await expect.poll(() => rows.count()).toBe(2);
    const text = (await rows.allInnerTexts()).join('\n');
    expect(text).toContain(`สมชาย ใจดี #`);
    expect(text).toContain('Wang Fang #');
    expect(await page.getByRole('row').filter({ hasText: 'search' }).count()).toBe(0);
    await screenshot(page, 'audit-supervisor-views');

    await page.goto(`${app.url}/settings/webhooks`);
    await page.getByLabel('URL').fill(`${rec.url}/braid`);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = page.getByRole('textbox', { name: 'Secret key' });
    await secret.waitFor();
    expect(await secret.inputValue()).toMatch(/^whsec_/);
    ingestInbound(app.braid.ctx.deps, inbound('line', 'U-malee', 'ขอบคุณมากค่ะ'));
    await rec.waitForCalls(1);
    await page.getByRole('button', { name: /^Show deliveries/ }).click();
    await page.getByRole('cell', { name: 'Delivered' }).first().waitFor();
    await screenshot(page, 'webhooks-settings');

    await page.goto(`${app.url}/transcript/${found.chinese.threadId}?tz=Asia/Shanghai`);
    await page.getByRole('heading', { level: 1, name: 'Transcript: Wang Fang' }).waitFor();
    expect(await page.locator('.tl').count()).toBe(6);
    expect(await page.locator('.tl').first().innerText()).toContain(CHINESE);
    await screenshot(page, 'transcript');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await screenshot(page, 'transcript-print');
    await ctx.close();
  });
});
