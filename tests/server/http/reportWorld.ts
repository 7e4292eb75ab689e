import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, type AgentClient } from '#tests/helpers/client';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';

/** A running Braid with the test people logged in and an API channel key (for report and review tests). */
export interface ReportWorld {
  app: TestApp;
  people: Awaited<ReturnType<typeof seedPeople>>;
  admin: AgentClient;
  agentA: AgentClient;
  agentA2: AgentClient;
  lead: AgentClient;
  secret: string;
  close(): Promise<void>;
}

/** Start Braid on a real SQLite file with an integration recorder accepting the API channel's replies. */
export async function startReportWorld(): Promise<ReportWorld> {
  const integration: Recorder = await startRecorder();
  const app = await startApp(ALLOW_LOOPBACK_OUTBOUND);
  const people = await seedPeople(app.db);
  const admin = await login(app.url, 'admin@test.local');
  const { secret } = await createApiKey(admin, `${integration.url}/hook`);
  return {
    app,
    people,
    admin,
    agentA: await login(app.url, 'agent.a@test.local'),
    agentA2: await login(app.url, 'agent.a2@test.local'),
    lead: await login(app.url, 'lead@test.local'),
    secret,
    async close() {
      await app.close();
      await integration.close();
    },
  };
}
