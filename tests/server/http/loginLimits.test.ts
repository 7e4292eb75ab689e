import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';

// Limit 4: after 4 failures backoff and delays begin. Real argon2 checks over real HTTP.
let direct: TestApp; // no TRUST_PROXY: the TCP peer is the client, whatever headers say
let proxied: TestApp; // TRUST_PROXY=127.0.0.1: X-Forwarded-For from the loopback proxy is believed

beforeAll(async () => {
  direct = await startApp({ LOGIN_RATE_LIMIT: '4' });
  proxied = await startApp({ LOGIN_RATE_LIMIT: '4', TRUST_PROXY: '127.0.0.1, ::1' });
  await seedPeople(direct.db);
  await seedPeople(proxied.db);
});
afterAll(async () => {
  await direct.close();
  await proxied.close();
});

const attempt = (app: TestApp, email: string, password: string, forwardedFor?: string) =>
  fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ email, password }),
  });

describe('login limits', () => {
  it('lets the right password in after a short backoff instead of locking the user out', async () => {
    for (let i = 0; i < 4; i++) expect((await attempt(direct, 'agent.a@test.local', `typo-${i}`)).status).toBe(401);
    const refused = await attempt(direct, 'agent.a@test.local', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(2);
    await new Promise((r) => setTimeout(r, wait * 1000 + 100));
    expect((await attempt(direct, 'agent.a@test.local', TEST_PASSWORD)).status).toBe(200);
  });

  it('ignores X-Forwarded-For from a peer that is not a configured proxy: rotating it escapes nothing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await attempt(direct, 'agent.b@test.local', `guess-${i}`, `198.51.100.${i + 1}`)).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4)).toEqual([429, 429]);
  });

  it('behind a trusted proxy, limits per client: one client’s guessing does not slow another', async () => {
    for (let i = 0; i < 6; i++) await attempt(proxied, 'lead@test.local', `guess-${i}`, '203.0.113.9');
    expect((await attempt(proxied, 'lead@test.local', 'again', '203.0.113.9')).status).toBe(429);
    expect((await attempt(proxied, 'lead@test.local', TEST_PASSWORD, '192.0.2.44')).status).toBe(200);
  });

  it('limits one account across rotating client addresses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await attempt(proxied, 'supervisor@test.local', `spray-${i}`, `198.18.0.${i + 1}`)).status);
    // 5 × limit failures from 20 different addresses, then the account backs off whatever the address.
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});
