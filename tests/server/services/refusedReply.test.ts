import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '#tests/helpers/app';
import type { AgentClient } from '#tests/helpers/client';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';
import { messagingText } from '#tests/server/channels/meta/payloads';
import {
  adminOf,
  channelEnv,
  eventually,
  listAllThreads,
  postMeta,
  threadMessages,
} from '#tests/server/channels/webhookHelpers';
import type { Message } from '#shared/schemas/message';

// A reply the provider refused never answered the customer: the thread keeps waiting (and sorts as
// waiting, and its SLA clock keeps running) and the metrics count a failed reply, not a response.
describe('a reply the provider refused', () => {
  let rec: Recorder;
  let app: TestApp;
  let admin: AgentClient;
  beforeAll(async () => {
    rec = await startRecorder();
    app = await startApp(channelEnv({ ...ALLOW_LOOPBACK_OUTBOUND, META_GRAPH_BASE: rec.url }));
    admin = await adminOf(app);
  });
  afterAll(async () => {
    await app.close();
    await rec.close();
  });

  const summary = async (name: string) => (await listAllThreads(admin)).find((t) => t.customer.name === name)!;
  const settled = (threadId: number, id: number, status: string) =>
    eventually(async () => {
      const m = (await threadMessages(admin, threadId)).find((x) => x.id === id);
      return m?.deliveryStatus === status ? m : null;
    });
  const reply = async (threadId: number, text: string) => {
    const res = await admin.post(`/api/threads/${threadId}/replies`, { text });
    expect(res.status).toBe(201);
    return (await res.json()) as Message;
  };

  it('leaves the thread waiting since the customer wrote; a later accepted reply stops the clock', async () => {
    await postMeta(app, JSON.stringify(messagingText('page', { sender: 'psid-77', mid: 'm_77', text: 'hello?' })));
    const before = await summary('Messenger user …sid-77');
    expect(before.waitingSince).not.toBeNull();

    rec.respond(() => ({
      status: 400,
      json: { error: { message: 'window closed', code: 10, error_subcode: 2018278 } },
    }));
    const refused = await reply(before.id, 'Hi!');
    await settled(before.id, refused.id, 'failed');
    expect((await summary('Messenger user …sid-77')).waitingSince).toBe(before.waitingSince);
    const afterRefusal = (await (await admin.get(`/api/metrics/threads/${before.id}`)).json()) as {
      episodes: Array<{ firstResponse: unknown; failedReplies: number }>;
    };
    expect(afterRefusal.episodes.map((e) => [e.firstResponse, e.failedReplies])).toEqual([[null, 1]]);

    rec.respond(() => ({ status: 200, json: { recipient_id: 'psid-77', message_id: 'm_out_77' } }));
    const accepted = await reply(before.id, 'Hi again!');
    await settled(before.id, accepted.id, 'sent');
    expect((await summary('Messenger user …sid-77')).waitingSince).toBeNull();
  });
});
