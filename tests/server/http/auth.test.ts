import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { connectSocket, login } from '#tests/helpers/client';

let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;

beforeAll(async () => {
  app = await startApp({ LOGIN_RATE_LIMIT: '5' });
  people = await seedPeople(app.db);
});
afterAll(() => app.close());

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('login and sessions', () => {
  it('sets an httpOnly SameSite session cookie and never returns the password hash', async () => {
    const res = await postJson('/api/auth/login', { email: 'AGENT.A@test.local', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/braid_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const body = await res.text();
    expect(body).not.toMatch(/argon2|password/i);
    expect(JSON.parse(body).agent.email).toBe('agent.a@test.local');
  });

  it('answers 401 for a wrong password or an unknown email, and 400 for a malformed body', async () => {
    expect((await postJson('/api/auth/login', { email: 'agent.a@test.local', password: 'nope' })).status).toBe(401);
    expect((await postJson('/api/auth/login', { email: 'ghost@test.local', password: 'nope' })).status).toBe(401);
    const bad = await postJson('/api/auth/login', { email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues.map((i: { path: string }) => i.path).sort()).toEqual(['email', 'password']);
  });

  it('requires a CSRF token on cookie-authenticated mutations', async () => {
    const a = await login(app.url, 'agent.a@test.local');
    const noToken = await fetch(`${app.url}/api/auth/logout`, { method: 'POST', headers: { cookie: a.cookie } });
    expect(noToken.status).toBe(403);
    const crossSite = await fetch(`${app.url}/api/threads/1/take`, {
      method: 'POST',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect((await a.get('/api/auth/me')).status).toBe(200);
  });

  it('checks roles on admin routes', async () => {
    const agent = await login(app.url, 'agent.a@test.local');
    const admin = await login(app.url, 'admin@test.local');
    const body = {
      email: 'new@test.local',
      name: 'New Person',
      role: 'agent',
      password: 'long-enough-pass',
      teamIds: [people.teamA],
    };
    expect((await agent.post('/api/agents', body)).status).toBe(403);
    expect((await agent.post('/api/teams', { name: 'Sneaky' })).status).toBe(403);
    expect((await agent.get('/api/api-keys')).status).toBe(403);
    const created = await admin.post('/api/agents', body);
    expect(created.status).toBe(201);
    expect((await admin.post('/api/agents', body)).status).toBe(409);
    expect((await fetch(`${app.url}/api/threads`)).status).toBe(401);
  });

  it('revokes every other session and its sockets when the password changes', async () => {
    const s1 = await login(app.url, 'agent.a2@test.local');
    const s2 = await login(app.url, 'agent.a2@test.local');
    const sock = await s2.socket();
    const dropped = new Promise<void>((resolve) => sock.on('disconnect', () => resolve()));
    const res = await s1.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a-brand-new-secret',
    });
    expect(res.status).toBe(200);
    await dropped;
    expect((await s2.get('/api/auth/me')).status).toBe(401);
    expect((await s1.get('/api/auth/me')).status).toBe(200);
    await expect(connectSocket(app.url, s2.cookie)).rejects.toThrow(/unauthorized/);
    expect((await postJson('/api/auth/login', { email: 'agent.a2@test.local', password: TEST_PASSWORD })).status).toBe(
      401,
    );
    expect(
      (await postJson('/api/auth/login', { email: 'agent.a2@test.local', password: 'a-brand-new-secret' })).status,
    ).toBe(200);
  });

  it('logs out for real', async () => {
    const a = await login(app.url, 'lead@test.local');
    expect((await a.post('/api/auth/logout')).status).toBe(200);
    expect((await a.get('/api/auth/me')).status).toBe(401);
  });

  it('rate-limits failed logins', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push(
        (await postJson('/api/auth/login', { email: 'supervisor@test.local', password: `wrong-${i}` })).status,
      );
    // Earlier failures in this file count too (limit 5 per window): refusals start and then stay.
    const first429 = statuses.indexOf(429);
    expect(first429).toBeGreaterThanOrEqual(0);
    expect(statuses.slice(first429).every((s) => s === 429)).toBe(true);
    expect(statuses.slice(0, first429).every((s) => s === 401)).toBe(true);
    // While backed off even the right password waits (Retry-After), but it is not locked out.
    const limited = await postJson('/api/auth/login', { email: 'supervisor@test.local', password: TEST_PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
