import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedPeople, startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';
import { seriousAxeViolations } from './axe';
import { launchBrowser, loginInBrowser, screenshot } from './browser';

const BOT_TOKEN = '7000001:test-token';
const SECRET = 'e2e-telegram-secret';
let app: TestApp;
let recorder: Recorder;
let browser: Browser;
let updateId = 900_000;

/** A real, secret-signed Telegram Bot API update, as Telegram would POST it. */
async function telegramWrites(
  text: string,
  from = { id: 524287001, first_name: 'Łucja', last_name: 'Nowak' },
): Promise<void> {
  const messageId = ++updateId;
  const res = await fetch(`${app.url}/webhooks/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify({
      update_id: updateId,
      message: {
        message_id: messageId,
        from: { ...from, is_bot: false, language_code: 'pl' },
        chat: { ...from, type: 'private' },
        date: Math.floor(Date.now() / 1000),
        text,
      },
    }),
  });
  expect(res.status).toBe(200);
}

async function agentPage(ctx: BrowserContext, email: string): Promise<Page> {
  const page = await ctx.newPage();
  await loginInBrowser(page, app.url, email, TEST_PASSWORD);
  return page;
}

async function expectAccessible(page: Page): Promise<void> {
  const problems = await seriousAxeViolations(page);
  expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
}

beforeAll(async () => {
  recorder = await startRecorder((call) => ({
    json: {
      ok: true,
      result: {
        message_id: 77 + recorder.calls.length,
        date: 1,
        chat: { id: 524287001 },
        text: JSON.parse(call.body || '{}').text,
      },
    },
  }));
  app = await startApp(
    {
      ...ALLOW_LOOPBACK_OUTBOUND,
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_SECRET_TOKEN: SECRET,
      TELEGRAM_API_BASE: recorder.url,
    },
    { clientDir: join(process.cwd(), 'dist', 'client') },
  );
  await seedPeople(app.db);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await recorder?.close();
});

describe('agent workspace in real Chromium', () => {
  it('two agents see a Telegram message live, see each other, and the keyboard-only reply reaches Telegram', async () => {
    const viewport = { width: 1440, height: 900 };
    const ctxA = await browser.newContext({ viewport });
    const ctxB = await browser.newContext({ viewport });
    const a = await agentPage(ctxA, 'agent.a@test.local');
    const b = await agentPage(ctxB, 'agent.a2@test.local');

    // A customer writes on Telegram: the row appears live for both agents, with the channel icon.
    await telegramWrites('Dzień dobry, gdzie jest moja paczka? Czekam od tygodnia 😠');
    for (const page of [a, b]) {
      const row = page.getByRole('link', { name: /Łucja Nowak/ });
      await row.waitFor({ timeout: 10_000 });
      await row.getByRole('img', { name: 'Telegram' }).waitFor();
    }
    await expectAccessible(a);
    await screenshot(a, 'workspace-inbox');

    // Agent B opens the conversation.
    await b.getByRole('link', { name: /Łucja Nowak/ }).click();
    const timelineB = b.getByRole('list', { name: 'Conversation history' });
    await timelineB.getByText('Dzień dobry, gdzie jest moja paczka?', { exact: false }).waitFor();

    // Agent A works keyboard-only: j opens the first conversation, r jumps into the reply box.
    await a.locator('body').focus();
    await a.keyboard.press('j');
    await a.getByRole('heading', { name: 'Łucja Nowak' }).waitFor();
    await a
      .getByRole('list', { name: 'Conversation history' })
      .getByText('Czekam od tygodnia', { exact: false })
      .waitFor();
    // Collision: B sees A's avatar on the conversation.
    await b.getByRole('group', { name: 'Also here: agent.a' }).waitFor({ timeout: 10_000 });
    await a.keyboard.press('r');
    expect(await a.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Message');
    await a.keyboard.type('Dzień dobry! Paczka wyjechała dziś rano, numer śledzenia wyślę za chwilę.');
    await b.getByText('agent.a is typing…').waitFor({ timeout: 10_000 });
    await screenshot(b, 'workspace-collision');
    await a.keyboard.press('Enter');

    // Both see the reply; it went out to Telegram's sendMessage with the chat id.
    const reply = 'Dzień dobry! Paczka wyjechała dziś rano, numer śledzenia wyślę za chwilę.';
    await a.getByRole('list', { name: 'Conversation history' }).getByText(reply).waitFor();
    await timelineB.getByText(reply).waitFor({ timeout: 10_000 });
    const calls = await recorder.waitForCalls(1, 10_000);
    expect(calls.map((c) => c.path)).toContain(`/bot${BOT_TOKEN}/sendMessage`);
    const send = calls.find((c) => c.path === `/bot${BOT_TOKEN}/sendMessage`);
    expect(JSON.parse(send!.body)).toEqual({ chat_id: '524287001', text: reply });
    await timelineB.getByText('Sent').waitFor({ timeout: 10_000 });
    await b.getByText('agent.a is typing…').waitFor({ state: 'detached', timeout: 10_000 });

    await expectAccessible(a);
    await screenshot(a, 'workspace-thread');
    await ctxA.close();
    await ctxB.close();
  });

  it('has shortcut help, a command palette, notes and a Thai UI that pass the axe check', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await agentPage(ctx, 'lead@test.local');
    await page.getByRole('link', { name: /Łucja Nowak/ }).click();
    await page.getByRole('heading', { name: 'Łucja Nowak' }).waitFor();

    // n = internal note, sent with Enter, shown unmistakably as a note.
    await page.locator('body').focus();
    await page.keyboard.press('n');
    await page.keyboard.type('Kurier potwierdził nadanie. Sprawdzić jutro.');
    await page.keyboard.press('Enter');
    await page.getByRole('note', { name: 'Internal note by You' }).waitFor();

    await page.keyboard.press('Escape'); // leave the reply box; single-key shortcuts work again
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'workspace-shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await page.keyboard.type('pending');
    await screenshot(page, 'workspace-palette');
    await page.keyboard.press('Escape');

    // Switch the UI to Thai: saved on the agent, labels and dates change.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('th');
    await page.getByRole('navigation', { name: 'มุมมองกล่องข้อความ' }).waitFor();
    await page.getByRole('button', { name: 'ปิดเรื่อง' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'workspace-thread-th');
    const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
    expect(me.agent.locale).toBe('th');
    await ctx.close();
  });
});
