import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '#shared/errors';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, nextEvent, postApiMessage, type AgentClient } from '#tests/helpers/client';

// Two real agents of one team, two real sessions over HTTP (and a live socket): a reply written while
// a colleague answered, and acting on a colleague's thread, ask for confirmation — enforced by the server.
let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;
let ann: AgentClient; // agent.a
let bo: AgentClient; // agent.a2, same team
let secret: string;

beforeAll(async () => {
  app = await startApp();
  people = await seedPeople(app.db);
  admin = await login(app.url, 'admin@test.local');
  ann = await login(app.url, 'agent.a@test.local');
  bo = await login(app.url, 'agent.a2@test.local');
  secret = (await createApiKey(admin)).secret;
  expect((await admin.put('/api/routing', { defaultTeamId: people.teamA, byChannel: {} })).status).toBe(200);
});
afterAll(() => app.close());

let seq = 0;
async function newThread(text: string): Promise<{ threadId: number; messageId: number }> {
  const res = await postApiMessage(app.url, secret, {
    customer: { id: `c${++seq}` },
    message: { id: `m${seq}`, text },
  });
  return (await res.json()) as { threadId: number; messageId: number };
}
async function refusal(res: Response) {
  expect(res.status).toBe(409);
  return ErrorResponseSchema.parse(await res.json());
}
async function outboundTexts(agent: AgentClient, threadId: number): Promise<string[]> {
  const page = (await (await agent.get(`/api/threads/${threadId}/messages`)).json()) as {
    items: Array<{ direction: string; text: string }>;
  };
  return page.items.filter((m) => m.direction === 'outbound').map((m) => m.text);
}

describe('reply collision', () => {
  it('refuses the second reply with the colleague’s reply; sending with a newer seen id goes out', async () => {
    const { threadId, messageId: seen } = await newThread('Where is my parcel 4411?');
    const boSocket = await bo.socket();
    try {
      // Both open the thread having seen the customer's message; Ann answers first.
      const heard = nextEvent(boSocket, 'message.created', (e) => e.message.direction === 'outbound');
      const first = await ann.post(`/api/threads/${threadId}/replies`, {
        text: 'It ships today.',
        seenMessageId: seen,
      });
      expect(first.status).toBe(201);
      const annReply = (await first.json()) as { id: number };
      expect((await heard).message.id).toBe(annReply.id); // Bo's screen hears it live

      const clash = await refusal(
        await bo.post(`/api/threads/${threadId}/replies`, {
          text: 'Checking now!',
          seenMessageId: seen,
          clientId: 'b1',
        }),
      );
      expect(clash.code).toBe('confirmation_required');
      expect(clash.confirm?.replies.map((m) => [m.id, m.text, m.authorAgentId])).toEqual([
        [annReply.id, 'It ships today.', people.agentA],
      ]);
      expect(clash.confirm?.assignee).toEqual({ id: people.agentA, name: 'agent.a' }); // Ann took it by replying
      expect(await outboundTexts(bo, threadId)).toEqual(['It ships today.']); // nothing sent twice

      // Ann's own earlier reply never asks her; Bo goes ahead having seen Ann's reply and confirmed.
      const again = await ann.post(`/api/threads/${threadId}/replies`, {
        text: 'Tracking: PL123',
        seenMessageId: seen,
      });
      expect(again.status).toBe(201);
      const tracking = (await again.json()) as { id: number };
      // Bo read Ann's first reply only: the second one is shown to him before anything goes out.
      const stale = await refusal(
        await bo.post(`/api/threads/${threadId}/replies`, {
          text: 'Checking now!',
          seenMessageId: annReply.id,
          confirm: true,
          clientId: 'b1',
        }),
      );
      expect(stale.confirm).toMatchObject({ assignee: null, replies: [{ text: 'Tracking: PL123' }] });
      const anyway = await bo.post(`/api/threads/${threadId}/replies`, {
        text: 'Checking now!',
        seenMessageId: tracking.id,
        confirm: true,
        clientId: 'b1',
      });
      expect(anyway.status).toBe(201);
      expect(await outboundTexts(bo, threadId)).toEqual(['It ships today.', 'Tracking: PL123', 'Checking now!']);
    } finally {
      boSocket.close();
    }
  });

  it('answers 400 to a seen id that is not a message id', async () => {
    const { threadId } = await newThread('hi');
    expect((await bo.post(`/api/threads/${threadId}/replies`, { text: 'x', seenMessageId: -1 })).status).toBe(400);
    expect((await bo.post(`/api/threads/${threadId}/replies`, { text: 'x', confirm: 'yes' })).status).toBe(400);
  });
});

describe('acting on a colleague’s thread', () => {
  it('asks before resolving, snoozing, taking or replying; confirm: true goes ahead', async () => {
    const { threadId } = await newThread('Refund please');
    expect((await ann.post(`/api/threads/${threadId}/take`)).status).toBe(200);

    const resolve = await refusal(await bo.post(`/api/threads/${threadId}/status`, { status: 'resolved' }));
    expect(resolve).toMatchObject({
      code: 'confirmation_required',
      confirm: { assignee: { id: people.agentA }, replies: [] },
    });
    const snooze = { status: 'snoozed', snoozedUntil: Date.now() + 3_600_000 };
    await refusal(await bo.post(`/api/threads/${threadId}/status`, snooze));
    await refusal(await bo.post(`/api/threads/${threadId}/take`));
    await refusal(await bo.post(`/api/threads/${threadId}/replies`, { text: 'Hello' }));
    const detail = await (await bo.get(`/api/threads/${threadId}`)).json();
    expect(detail.thread).toMatchObject({ status: 'open', assigneeId: people.agentA });

    // Ann acts on her own thread without a question; Bo confirms and resolves.
    expect((await ann.post(`/api/threads/${threadId}/status`, { status: 'pending' })).status).toBe(200);
    const done = await bo.post(`/api/threads/${threadId}/status`, { status: 'resolved', confirm: true });
    expect(done.status).toBe(200);
    expect((await done.json()).status).toBe('resolved');
    expect((await bo.post(`/api/threads/${threadId}/take`, { confirm: true })).status).toBe(200);
  });

  it('does not ask when the team turned it off (validated, admins only); a colleague’s reply still asks', async () => {
    const path = `/api/teams/${people.teamA}/config`;
    expect((await admin.patch(path, { settings: { confirmColleagueThreads: 'off' } })).status).toBe(400);
    expect((await ann.patch(path, { settings: { confirmColleagueThreads: false } })).status).toBe(403);
    const off = await admin.patch(path, { settings: { confirmColleagueThreads: false } });
    expect((await off.json()).settings.confirmColleagueThreads).toBe(false);
    try {
      const { threadId, messageId } = await newThread('Invoice wrong');
      expect((await ann.post(`/api/threads/${threadId}/replies`, { text: 'Fixing it' })).status).toBe(201);
      const clash = await refusal(
        await bo.post(`/api/threads/${threadId}/replies`, { text: 'On it', seenMessageId: messageId }),
      );
      expect(clash.confirm).toMatchObject({ assignee: null, replies: [{ text: 'Fixing it' }] });
      expect((await bo.post(`/api/threads/${threadId}/status`, { status: 'resolved' })).status).toBe(200);
    } finally {
      await admin.patch(path, { settings: { confirmColleagueThreads: true } });
    }
  });
});
