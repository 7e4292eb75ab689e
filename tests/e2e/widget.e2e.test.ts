import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, startApp, type TestApp } from '#tests/helpers/app';
import { login } from '#tests/helpers/client';
import { seriousAxeViolations } from './axe';
import { launchBrowser, loginInBrowser, screenshot } from './browser';

/**
 * The web-chat channel end to end in real Chromium: a customer on a phone-sized page with the
 * embedded widget, and an agent in the Braid inbox, talking live both ways.
 */
describe('web-chat widget ↔ agent inbox', () => {
  let app: TestApp;
  let browser: Browser;
  let customer: Page;
  let agent: Page;
  const hello = 'สวัสดีค่ะ 你好 — gdzie jest moja paczka? 📦';
  const answer = 'ขอบคุณค่ะ — it ships today 🚚';

  beforeAll(async () => {
    app = await startApp({}, { clientDir: join(process.cwd(), 'dist', 'client') });
    browser = await launchBrowser();
    customer = await (
      await browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true, hasTouch: true })
    ).newPage();
    agent = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a visitor writes from the demo page and the agent sees it live in the inbox', async () => {
    const script = await fetch(`${app.url}/widget.js`);
    expect(script.status, 'run `npm run build` first (builds dist/widget/widget.js)').toBe(200);
    await loginInBrowser(agent, app.url, 'admin@test.local', TEST_PASSWORD);

    await customer.goto(`${app.url}/widget-demo`);
    await customer.getByRole('button', { name: 'Chat with us' }).click();
    const chat = customer.getByRole('dialog', { name: 'Chat with us' });
    await chat.waitFor();
    await chat.getByLabel('Name').fill('Malee Customer');
    await chat.getByLabel('Email').fill('malee@example.co.th');
    await chat.getByLabel('Message').fill(hello);
    await screenshot(customer, 'widget-1-customer-typing');
    const problems = await seriousAxeViolations(customer); // axe-core descends into the open shadow root
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
    await chat.getByRole('button', { name: 'Send' }).click();
    await chat.getByRole('log').getByText(hello).waitFor();
    await expect.poll(() => chat.getByText('Sending…').count()).toBe(0);

    const row = agent.getByRole('link', { name: /Malee Customer/ });
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    await agent.getByRole('article').getByText(hello).waitFor();
    await screenshot(agent, 'widget-2-agent-sees-message');
  });

  it('the agent’s reply appears in the open widget without a reload, and the visitor answers back live', async () => {
    const composer = agent.getByRole('textbox', { name: 'Message', exact: true });
    await composer.fill(answer);
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    const chat = customer.getByRole('dialog', { name: 'Chat with us' });
    await chat.getByRole('log').getByText(answer).waitFor({ timeout: 10_000 });
    await screenshot(customer, 'widget-3-customer-gets-reply');
    // The open widget showed it: the reply is marked read (what the agent's delivery tick shows).
    const api = await login(app.url, 'admin@test.local');
    const threads = (await (await api.get('/api/threads?status=all')).json()) as {
      items: Array<{ id: number; customer: { name: string } }>;
    };
    const threadId = threads.items.find((t) => t.customer.name === 'Malee Customer')!.id;
    await expect
      .poll(async () => {
        const page = (await (await api.get(`/api/threads/${threadId}/messages`)).json()) as {
          items: Array<{ text: string; deliveryStatus: string | null }>;
        };
        return page.items.find((m) => m.text === answer)?.deliveryStatus;
      })
      .toBe('read');

    await chat.getByLabel('Message').fill('Dziękuję! 谢谢 🙏');
    await chat.getByLabel('Message').press('Enter');
    await agent.getByRole('article').getByText('Dziękuję! 谢谢 🙏').waitFor({ timeout: 10_000 });
    await screenshot(agent, 'widget-4-agent-sees-answer');
  });

  it('after a reload the visitor keeps their conversation (signed token in localStorage)', async () => {
    await customer.reload();
    await customer.getByRole('button', { name: 'Chat with us' }).click();
    const log = customer.getByRole('dialog', { name: 'Chat with us' }).getByRole('log');
    await log.getByText(answer).waitFor();
    expect(await log.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining(hello),
      expect.stringContaining(answer),
      expect.stringContaining('Dziękuję! 谢谢 🙏'),
    ]);
    // The pre-chat form is not asked again once the visitor has written.
    expect(await customer.getByRole('dialog').getByLabel('Email').isVisible()).toBe(false);
    await screenshot(customer, 'widget-5-customer-after-reload');
    const problems = await seriousAxeViolations(customer);
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
