import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BraidApp } from '#server/app';
import { loadConfig } from '#server/config';
import { openDatabase, type Db } from '#server/db/connection';
import { ensureAdmin } from '#server/services/bootstrap';
import { TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';
import { fixtureBytes, formParams } from '#tests/server/channels/providerFixtures';
import {
  adminOf,
  channelEnv,
  eventually,
  listAllThreads,
  postTwilio,
  threadMessages,
} from '#tests/server/channels/webhookHelpers';

/** Start Braid on an existing data directory (so a test can stop it and start it again). */
async function bootOn(dir: string, env: Record<string, string>): Promise<TestApp & { stop(): Promise<void> }> {
  const config = loadConfig({
    DEMO: '0',
    ADMIN_EMAIL: 'admin@test.local',
    ADMIN_PASSWORD: TEST_PASSWORD,
    ...env,
    DATA_DIR: dir,
  });
  const db: Db = openDatabase(join(dir, 'braid.db'));
  await ensureAdmin(db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD, Date.now());
  const braid: BraidApp = createApp({ config, db, outbox: { pollMs: 50, baseBackoffMs: 1_500, maxBackoffMs: 1_500 } });
  const port = await braid.listen(0, '127.0.0.1');
  const stop = async () => {
    await braid.close();
    db.$client.close();
  };
  return { url: `http://127.0.0.1:${port}`, port, braid, db, config, dir, close: stop, stop };
}

describe('outbox across a restart', () => {
  let rec: Recorder;
  let dir: string;
  beforeAll(async () => {
    rec = await startRecorder();
    dir = mkdtempSync(join(tmpdir(), 'braid-restart-'));
  });
  afterAll(async () => {
    await rec.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers a reply that was still pending when Braid stopped, once, after it starts again', async () => {
    const env = channelEnv({ ...ALLOW_LOOPBACK_OUTBOUND, TWILIO_API_BASE: rec.url });
    rec.respond(() => ({ status: 503, json: { code: 20500, message: 'down for maintenance' } }));
    const first = await bootOn(dir, env);
    const sms = formParams(fixtureBytes('twilio-sms-inbound.form').toString('utf8')) as Record<string, string>;
    await postTwilio(first, '/webhooks/twilio', {
      ...sms,
      From: '+66810000100',
      MessageSid: 'SMrestart1',
      Body: 'are you there?',
    });
    const admin = await adminOf(first);
    const thread = (await listAllThreads(admin)).find((t) => t.customer.name === '+66810000100')!;
    const res = await admin.post(`/api/threads/${thread.id}/replies`, { text: 'yes, one moment' });
    const reply = (await res.json()) as { id: number };
    await rec.waitForCalls(1);
    const pending = (await threadMessages(admin, thread.id)).find((m) => m.id === reply.id)!;
    expect(pending.deliveryStatus).toBe('queued');
    expect(pending.deliveryError).toMatch(/down for maintenance|20500/);
    await first.stop(); // the next attempt is 1.5 s away: the reply is pending in the outbox
    const callsBefore = rec.calls.length;

    rec.respond(() => ({ status: 201, json: { sid: 'SMafterrestart' } }));
    const second = await bootOn(dir, env);
    try {
      const admin2 = await adminOf(second);
      const delivered = await eventually(async () => {
        const m = (await threadMessages(admin2, thread.id)).find((x) => x.id === reply.id);
        return m?.deliveryStatus === 'sent' ? m : null;
      }, 20_000);
      expect(delivered.deliveryError).toBeNull();
      const afterRestart = rec.calls
        .slice(callsBefore)
        .filter((c) => new URLSearchParams(c.body).get('Body') === 'yes, one moment');
      expect(afterRestart).toHaveLength(1); // delivered exactly once after the restart
    } finally {
      await second.stop();
    }
  }, 120_000);
});
