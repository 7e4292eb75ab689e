import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { seedPeople, startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, postApiMessage } from '#tests/helpers/client';
import { routeNewThreadsTo } from '#tests/factories';
import { launchBrowser, loginInBrowser, screenshot } from './browser';
import { seriousAxeViolations } from './axe';

let app: TestApp;
let browser: Browser;
let people: Awaited<ReturnType<typeof seedPeople>>;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startApp({}, { clientDir: join(process.cwd(), 'dist', 'client') }),
    launchBrowser(),
  ]);
  people = await seedPeople(app.db);
  routeNewThreadsTo(app.db, people.teamA);
});
afterAll(() => Promise.all([browser?.close(), app?.close()]));

describe('supervisor live monitor in a real browser', () => {
  it('opens a live thread from the board read-only, sees the agent typing, and whispers to them live', async () => {
    const admin = await login(app.url, 'admin@test.local');
    const { secret } = await createApiKey(admin);
    const res = await postApiMessage(app.url, secret, {
      customer: { id: 'mona', name: 'Mona Customer' },
      message: { id: 'm-1', text: 'My parcel never arrived, can someone help?' },
    });
    const { threadId } = (await res.json()) as { threadId: number };
    expect((await admin.post(`/api/threads/${threadId}/assign`, { agentId: people.agentA })).status).toBe(200);

    const agentPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await loginInBrowser(agentPage, app.url, 'agent.a@test.local', TEST_PASSWORD);
    await agentPage.goto(`${app.url}/t/${threadId}`);
    const composer = agentPage.getByRole('textbox', { name: 'Message' });
    await composer.waitFor();

    const page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
    await loginInBrowser(page, app.url, 'supervisor@test.local', TEST_PASSWORD);
    await page.getByRole('link', { name: 'Floor board' }).click();
    await page.getByRole('link', { name: 'Monitor the conversation with Mona Customer (read only)' }).click();
    await page.getByText('Monitoring · read only').waitFor();
    await page.getByText(/Viewed by supervisor \(monitor\) at/).waitFor();
    // Read only: no reply box, no thread actions.
    expect(await page.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(1);

    // The agent types: the monitor sees it live.
    await composer.pressSequentially('Let me check that');
    await page.getByText('agent.a is typing…').waitFor({ timeout: 5_000 });
    // The monitor is not announced to the agent as a colleague viewing the thread.
    expect(await agentPage.getByRole('group', { name: /^Also here/ }).count()).toBe(0);

    await page.getByRole('textbox', { name: 'Whisper to the agent' }).fill('Offer the express re-send, it is on us');
    await page.getByRole('button', { name: 'Whisper' }).click();
    await page.getByRole('note', { name: 'Whisper from You' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'monitor-supervisor');

    // The agent's browser shows the whisper live, highlighted for them, and a toast.
    const whisper = agentPage.getByRole('note', { name: 'Whisper from supervisor' });
    await whisper.waitFor({ timeout: 5_000 });
    expect(await whisper.getAttribute('class')).toBe('msg note whisper for-me');
    expect(await whisper.getByText('Offer the express re-send, it is on us').count()).toBe(1);
    await agentPage.getByText('supervisor whispered on Mona Customer').waitFor();
    await screenshot(agentPage, 'monitor-agent-whisper');

    // Nothing went out to the customer.
    const outbound = (await (await admin.get(`/api/threads/${threadId}/messages`)).json()) as {
      items: Array<{ direction: string }>;
    };
    expect(outbound.items.filter((m) => m.direction === 'outbound')).toEqual([]);
    await page.close();
    await agentPage.close();
  });
});
