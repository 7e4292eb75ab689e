import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROUTING_DEFAULTS } from '#shared/schemas/teamSettings';
import { startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { login, postApiMessage } from '#tests/helpers/client';
import { seriousAxeViolations } from './axe';
import { launchBrowser, loginInBrowser, screenshot } from './browser';

const NEW_AGENT = { email: 'marta@test.local', name: 'Marta Wiśniewska', password: 'a-long-initial-pw' };
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({}, { clientDir: join(process.cwd(), 'dist', 'client') });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function openSettings(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('admin settings in a real browser', () => {
  it('sets up a team with hours, an agent in it, an SLA policy and an API key without curl; the agent can then sign in', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await ctx.newPage();
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await loginInBrowser(page, app.url, 'admin@test.local', TEST_PASSWORD);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Canned replies' }).waitFor();

    // Team with business hours: Warsaw, Monday–Friday 09:00–17:00 (the offered default), Saturday 10:00–14:00, a holiday.
    await openSettings(page, 'Teams');
    await page.getByRole('button', { name: 'New team' }).click();
    const teamForm = page.getByRole('form', { name: 'New team' });
    await teamForm.getByLabel('Name').fill('Returns PL');
    await teamForm.getByRole('checkbox', { name: 'Auto-assign' }).check();
    await teamForm.getByRole('button', { name: 'Create team' }).click();
    const config = page.getByRole('form', { name: 'Hours and settings of Returns PL' });
    await config.getByRole('radio', { name: 'Set opening hours' }).check();
    await config.getByLabel('Time zone').selectOption('Europe/Warsaw');
    await config.getByRole('button', { name: 'Add hours on Saturday' }).click();
    await config.getByRole('textbox', { name: 'Saturday opens' }).fill('10:00');
    await config.getByRole('textbox', { name: 'Saturday closes' }).fill('14:00');
    await config.getByLabel('Holiday date').fill('2026-12-24');
    await config.getByRole('button', { name: 'Add holiday' }).click();
    await config.getByLabel('Survey after resolving').selectOption('csat');
    await config.getByRole('button', { name: 'Save hours and settings' }).click();
    await config.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await screenshot(page, 'admin-teams');
    const axe = await seriousAxeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);

    // An agent in that team.
    await openSettings(page, 'Agents');
    await page.getByRole('button', { name: 'New agent' }).click();
    const agentForm = page.getByRole('form', { name: 'New agent' });
    await agentForm.getByRole('textbox', { name: 'Email', exact: true }).fill(NEW_AGENT.email);
    await agentForm.getByLabel('Name', { exact: true }).fill(NEW_AGENT.name);
    await agentForm.getByLabel('Initial password').fill(NEW_AGENT.password);
    await agentForm.getByLabel('Language', { exact: true }).selectOption('pl');
    await agentForm.getByRole('checkbox', { name: 'Returns PL' }).check();
    await agentForm.getByRole('button', { name: 'Create agent' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${NEW_AGENT.name} can now sign in.` })
      .waitFor();
    await page.getByRole('row', { name: new RegExp(`^${NEW_AGENT.name}`) }).waitFor();
    await screenshot(page, 'admin-agents');

    // An SLA policy for the team.
    await openSettings(page, 'SLA policies');
    await page.getByRole('button', { name: 'New policy' }).click();
    const slaForm = page.getByRole('form', { name: 'New SLA policy' });
    await slaForm.getByLabel('Name').fill('Returns first reply');
    await slaForm.getByRole('group', { name: 'Teams' }).getByRole('checkbox', { name: 'Returns PL' }).check();
    await slaForm.getByRole('spinbutton', { name: 'First reply within' }).fill('30');
    await slaForm.getByRole('combobox', { name: 'Unit of First reply within' }).selectOption('minutes');
    await slaForm.getByRole('spinbutton', { name: 'Resolved within' }).fill('8');
    await slaForm.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row', { name: /^Returns first reply/ }).waitFor();
    await screenshot(page, 'admin-sla');

    // An API key: the secret is shown once, copies, and works.
    await openSettings(page, 'API keys');
    const keyForm = page.getByRole('form', { name: 'New API key' });
    await keyForm.getByLabel('Name').fill('Shop backend');
    await keyForm.getByRole('button', { name: 'Create key' }).click();
    const secretBox = page.getByRole('region', { name: 'Secret of Shop backend' });
    const secret = await secretBox.getByRole('textbox', { name: 'Secret key' }).inputValue();
    expect(secret).toMatch(/^brd_/);
    await secretBox.getByRole('button', { name: 'Copy' }).click();
    await secretBox.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await screenshot(page, 'admin-api-keys');
    await secretBox.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.content()).not.toContain(secret);
    expect(
      (
        await postApiMessage(app.url, secret, {
          customer: { id: 'e2e-admin-1', name: 'Jan Kowalski' },
          message: { id: 'e2e-admin-m1', text: 'Chcę zwrócić zamówienie' },
        })
      ).status,
    ).toBeLessThan(300);
    expect(cspViolations).toEqual([]);

    // What the screens did is what the server now holds.
    const api = await login(app.url, 'admin@test.local');
    const teams = (await (await api.get('/api/teams')).json()) as {
      items: Array<{ id: number; name: string; autoAssign: boolean; memberIds: number[] }>;
    };
    const team = teams.items.find((t) => t.name === 'Returns PL')!;
    const agents = (await (await api.get('/api/agents')).json()) as {
      items: Array<{ id: number; email: string; locale: string; teamIds: number[] }>;
    };
    const agent = agents.items.find((a) => a.email === NEW_AGENT.email)!;
    expect([team.autoAssign, team.memberIds, agent.locale, agent.teamIds]).toEqual([true, [agent.id], 'pl', [team.id]]);
    expect(await (await api.get(`/api/teams/${team.id}/config`)).json()).toEqual({
      schedule: {
        timeZone: 'Europe/Warsaw',
        weekly: {
          0: [],
          1: [['09:00', '17:00']],
          2: [['09:00', '17:00']],
          3: [['09:00', '17:00']],
          4: [['09:00', '17:00']],
          5: [['09:00', '17:00']],
          6: [['10:00', '14:00']],
        },
        holidays: ['2026-12-24'],
      },
      settings: {
        acknowledgement: { enabled: false, channels: [] },
        survey: 'csat',
        sentimentThreshold: -0.5,
        defaultLanguage: 'en',
        courtesyKeepsResolved: true,
        confirmColleagueThreads: true,
        routing: ROUTING_DEFAULTS,
      },
    });
    const sla = (await (await api.get('/api/sla-policies')).json()) as { items: unknown[] };
    expect(sla.items).toEqual([
      {
        id: expect.any(Number),
        name: 'Returns first reply',
        match: { teamIds: [team.id] },
        firstResponseMs: 30 * 60_000,
        nextResponseMs: null,
        resolutionMs: 8 * 3_600_000,
        businessHours: true,
      },
    ]);
    await ctx.close();

    // The new agent signs in with the password the admin chose, in the language the admin chose.
    const agentCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const agentPage = await agentCtx.newPage();
    await agentPage.goto(app.url);
    await agentPage.getByLabel(/Email|E-mail/).fill(NEW_AGENT.email);
    await agentPage.getByLabel(/Password|Hasło/).fill(NEW_AGENT.password);
    await agentPage.getByRole('button', { name: /Sign in|Zaloguj/ }).click();
    await agentPage.getByRole('navigation', { name: 'Widoki skrzynki' }).waitFor();
    const teamView = agentPage
      .getByRole('navigation', { name: 'Widoki skrzynki' })
      .getByRole('button', { name: /^Returns PL/ });
    await teamView.first().waitFor(); // the team list arrives with the live counts
    expect(await teamView.count()).toBe(1);
    expect(await agentPage.getByRole('link', { name: 'Ustawienia' }).count()).toBe(0);
    await screenshot(agentPage, 'admin-new-agent-signed-in');
    await agentCtx.close();
  });
});
