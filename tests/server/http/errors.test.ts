import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponseSchema, type ErrorCode } from '#shared/errors';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { login, type AgentClient } from '#tests/helpers/client';

let app: TestApp;
let admin: AgentClient;
let agentA: AgentClient;

beforeAll(async () => {
  app = await startApp();
  await seedPeople(app.db);
  admin = await login(app.url, 'admin@test.local');
  agentA = await login(app.url, 'agent.a@test.local');
});
afterAll(async () => {
  await app.close();
});

/** Read an error answer, check it has the one shape, and return its status and code. */
async function errorOf(res: Response): Promise<{ status: number; code: ErrorCode; issues?: unknown[] }> {
  const body = ErrorResponseSchema.parse(await res.json());
  expect(body.error.length).toBeGreaterThan(0);
  return { status: res.status, code: body.code, issues: body.issues };
}

describe('error answers carry a stable code', () => {
  it('names each kind of refusal', async () => {
    expect(await errorOf(await fetch(`${app.url}/api/threads`))).toEqual({ status: 401, code: 'unauthorized' });
    expect(await errorOf(await admin.get('/api/nowhere'))).toEqual({ status: 404, code: 'not_found' });
    expect(await errorOf(await admin.get('/api/threads/999999'))).toEqual({ status: 404, code: 'not_found' });
    expect(await errorOf(await agentA.post('/api/sla-policies', { name: 'x' }))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    const invalid = await errorOf(await admin.post('/api/sla-policies', { name: '' }));
    expect(invalid.status).toBe(400);
    expect(invalid.code).toBe('invalid_request');
    expect(invalid.issues?.length).toBeGreaterThan(0);
    expect(await errorOf(await fetch(`${app.url}/webhooks/telegram`, { method: 'POST', body: '{}' }))).toEqual({
      status: 404,
      code: 'channel_not_configured',
    });
  });

  it('answers a conflict with code conflict', async () => {
    expect((await admin.post('/api/teams', { name: 'Billing' })).status).toBe(201);
    expect(await errorOf(await admin.post('/api/teams', { name: 'Billing' }))).toEqual({
      status: 409,
      code: 'conflict',
    });
  });
});
