import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '#tests/helpers/app';
import { postApiMessage } from '#tests/helpers/client';
import { channelEnv, postTelegram } from '#tests/server/channels/webhookHelpers';

let app: TestApp;
beforeAll(async () => {
  app = await startApp(channelEnv({ PUBLIC_REFUSAL_LIMIT: '5' }));
});
afterAll(() => app.close());

const update = (n: number) =>
  JSON.stringify({
    update_id: 9000 + n,
    message: {
      message_id: n,
      date: 1_760_000_000,
      chat: { id: 4242, type: 'private' },
      from: { id: 4242, is_bot: false, first_name: 'Somchai' },
      text: `hello ${n}`,
    },
  });

describe('refused requests to public endpoints are rate-limited per address', () => {
  it('never counts accepted webhooks, and answers 429 once an address has had its refusals for the minute', async () => {
    for (let i = 0; i < 8; i++) expect((await postTelegram(app, update(i))).status).toBe(200); // more than the limit, all fine
    const refused = [];
    for (let i = 0; i < 5; i++) refused.push((await postTelegram(app, update(100 + i), 'wrong-secret')).status);
    expect(refused.every((s) => s === 401 || s === 403)).toBe(true);
    const limited = await postTelegram(app, update(200), 'wrong-secret');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(limited.headers.get('ratelimit-policy')).toContain('5');
  });

  it('limits guessing API keys on the API channel the same way', async () => {
    const body = { customer: { id: 'c1' }, message: { id: 'm1', text: 'hi' } };
    for (let i = 0; i < 5; i++) expect((await postApiMessage(app.url, `brd_guess${i}`, body)).status).toBe(401);
    expect((await postApiMessage(app.url, 'brd_guess5', body)).status).toBe(429);
  });
});
