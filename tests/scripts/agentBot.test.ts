import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentBot } from '#scripts/simulate/agentBot';
import { Stats } from '#scripts/simulate/stats';
import { seedPeople, startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, postApiMessage } from '#tests/helpers/client';

// The simulator's agent bot stands in for the whole team: it answers threads a colleague holds too,
// so it confirms (the collision prompt is for people at the keyboard).
let app: TestApp;
beforeAll(async () => {
  app = await startApp();
  await seedPeople(app.db);
});
afterAll(() => app.close());

describe('simulator agent bot', () => {
  it('answers a waiting thread assigned to another agent', async () => {
    const admin = await login(app.url, 'admin@test.local');
    const { secret } = await createApiKey(admin);
    const posted = await (
      await postApiMessage(app.url, secret, { customer: { id: 'sim-1' }, message: { id: 's1', text: 'hello?' } })
    ).json();
    expect((await admin.post(`/api/threads/${posted.threadId}/take`)).status).toBe(200);
    const stats = new Stats();
    const bot = new AgentBot(app.url, 1, () => 0, stats);
    expect(await bot.login('supervisor@test.local', TEST_PASSWORD)).toBe(true);
    await bot.tick();
    expect(stats.get('agent reply 201')).toBe(1);
  });
});
