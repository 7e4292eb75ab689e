import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { customers, messages, threads } from '#server/db/schema';
import { ingestInbound } from '#server/services/ingest';
import { seedPeople, startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { launchBrowser, loginInBrowser, screenshot } from './browser';

let app: TestApp;
let browser: Browser;
let bigThreadId: number;
const HISTORY = 5_000;
const LIST = 10_000;

/** 10,000 open threads (bulk rows) and one customer with a 5,000-message history. */
function seedVolume(): void {
  const now = Date.now();
  app.db.transaction((tx) => {
    for (let i = 0; i < LIST; i++) {
      const c = tx
        .insert(customers)
        .values({ name: `Bulk Customer ${String(i).padStart(5, '0')}`, createdAt: now, updatedAt: now })
        .returning({ id: customers.id })
        .get();
      tx.insert(threads)
        .values({
          customerId: c.id,
          status: 'open',
          waitingSince: now - (LIST - i) * 60_000,
          lastMessageAt: now - i * 1000,
          lastMessagePreview: `Question number ${i} about an order`,
          channels: ['sms'],
          lastInboundChannel: 'sms',
          createdAt: now,
          updatedAt: now,
        })
        .run();
    }
  });
  const deps = app.braid.ctx.deps;
  const first = ingestInbound(
    deps,
    {
      channel: 'sms',
      transport: 'test',
      providerMessageId: 'hist-0',
      from: { address: '+48600700800', displayName: 'Historia Długa' },
      text: 'Pierwsza wiadomość',
      attachments: [],
      providerTs: now - HISTORY * 60_000,
    },
    app.braid.ctx.ingestHooks,
  );
  bigThreadId = first.threadId;
  const base = app.db.select().from(messages).where(eq(messages.threadId, bigThreadId)).get()!;
  app.db.transaction((tx) => {
    for (let i = 1; i < HISTORY; i++) {
      const ts = now - (HISTORY - i) * 60_000;
      const inbound = i % 3 !== 0;
      tx.insert(messages)
        .values({
          threadId: bigThreadId,
          episodeId: base.episodeId,
          direction: inbound ? 'inbound' : 'outbound',
          channel: 'sms',
          identityId: base.identityId,
          text: `${inbound ? 'Customer' : 'Agent'} message ${i}${i % 7 === 0 ? ' with a longer body that wraps onto a second line so that rows have different heights in the virtual list' : ''}`,
          receivedAt: ts,
          sortTs: ts,
          deliveryStatus: inbound ? null : 'read',
          providerMessageId: inbound ? `hist-${i}` : null,
        })
        .run();
    }
  });
}

async function messageTop(page: Page, text: string): Promise<number | null> {
  return page.evaluate((t) => {
    const el = [...document.querySelectorAll('.timeline .msg-body')].find((e) => e.textContent === t);
    return el ? el.getBoundingClientRect().top : null;
  }, text);
}

beforeAll(async () => {
  app = await startApp({}, { clientDir: join(process.cwd(), 'dist', 'client') });
  await seedPeople(app.db);
  seedVolume();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('workspace at volume', () => {
  it('scrolls a 10,000-thread list with a small DOM, and opens a 5,000-message history at the bottom without jumps', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await loginInBrowser(page, app.url, 'supervisor@test.local', TEST_PASSWORD);
    const t0 = Date.now();
    await page.getByRole('link', { name: /Bulk Customer 00000/ }).waitFor();
    console.log(`[measure] first rows of a 10,000-thread inbox visible ${Date.now() - t0} ms after login`);
    expect(await page.getByRole('button', { name: `All open ${LIST + 1}` }).count()).toBe(1);

    // Scroll to the end of what is loaded, page after page: the DOM stays a window.
    const scroller = page.locator('.thread-list-scroll');
    const t1 = Date.now();
    for (let i = 0; i < 10; i++) {
      await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await page.waitForTimeout(150);
    }
    await page
      .getByRole('link', { name: /Bulk Customer 004/ })
      .first()
      .waitFor({ timeout: 20_000 });
    const rows = await page.locator('.thread-list li').count();
    console.log(
      `[measure] scrolled through ${await scroller.evaluate((el) => Math.round(el.scrollHeight / 62))} rows in ${Date.now() - t1} ms; ${rows} rows in the DOM`,
    );
    expect(rows).toBeLessThan(60);

    // Open the long history: it starts at the newest message.
    const t2 = Date.now();
    await page.goto(`${app.url}/t/${bigThreadId}`);
    const timeline = page.getByRole('list', { name: 'Conversation history' });
    await timeline.getByText(`Agent message ${HISTORY - 2}`).waitFor();
    console.log(`[measure] 5,000-message thread showed its newest message ${Date.now() - t2} ms after navigation`);
    const gap = await page.locator('.timeline').evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop);
    expect(gap).toBeLessThan(5);
    await screenshot(page, 'workspace-long-history');

    // Scroll up to the top of the loaded page: older messages load and the message read stays put.
    await page.locator('.timeline').evaluate((el) => el.scrollTo({ top: 0 }));
    await page.waitForTimeout(100);
    const anchorText = await page.evaluate(() => {
      const box = document.querySelector('.timeline')!.getBoundingClientRect();
      const first = [...document.querySelectorAll('.timeline .msg-body')].find(
        (e) => e.getBoundingClientRect().top >= box.top,
      );
      return first?.textContent ?? null;
    });
    expect(anchorText).toMatch(/^(Customer|Agent) message \d+/);
    const before = await messageTop(page, anchorText!);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.timeline .msg-body').length > 0 &&
        !document.querySelector('.older-bar button[disabled]'),
      null,
      { timeout: 10_000 },
    );
    await page.waitForTimeout(600);
    const after = await messageTop(page, anchorText!);
    const loaded = await page.evaluate(() =>
      Math.round(document.querySelector('.timeline ol')!.getBoundingClientRect().height),
    );
    console.log(
      `[measure] older page prepended: anchor message moved ${after !== null && before !== null ? Math.abs(after - before).toFixed(1) : '?'} px; history height ${loaded} px`,
    );
    expect(after).not.toBeNull();
    expect(Math.abs(after! - before!)).toBeLessThan(3);

    // A new message arrives while the agent reads older history: nothing on screen moves.
    const readingTop = await messageTop(page, anchorText!);
    ingestInbound(
      app.braid.ctx.deps,
      {
        channel: 'sms',
        transport: 'test',
        providerMessageId: 'hist-new',
        from: { address: '+48600700800' },
        text: 'Nowa wiadomość na dole',
        attachments: [],
        providerTs: Date.now(),
      },
      app.braid.ctx.ingestHooks,
    );
    await page.getByRole('button', { name: '1 new message' }).waitFor({ timeout: 10_000 });
    expect(await messageTop(page, anchorText!)).toBe(readingTop);
    await screenshot(page, 'workspace-long-history-reading');
    await page.getByRole('button', { name: '1 new message' }).click();
    await timeline.getByText('Nowa wiadomość na dole').waitFor();
    await page.close();
  });
});
