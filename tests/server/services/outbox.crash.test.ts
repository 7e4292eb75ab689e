import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '#server/db/connection';
import { outbox } from '#server/db/schema';
import { nobodyOnline, nullPublisher, type ServiceDeps } from '#server/services/deps';
import { ingestInbound } from '#server/services/ingest';
import { replyToThread } from '#server/services/replies';
import { makeAgent } from '#tests/factories';
import { startCrashProvider, type CrashProvider } from '#tests/helpers/crashProvider';
import { exited, startBraid } from '#tests/helpers/crashChild';

const SENDS = 100;
/** Seed SENDS SMS customers, each with one queued reply "reply <i>". */
function seed(db: Db): void {
  makeAgent(db, { id: 1, email: 'a@x', name: 'Ada', role: 'admin' });
  const deps: ServiceDeps = { db, publisher: nullPublisher, presence: nobodyOnline, now: Date.now };
  for (let i = 0; i < SENDS; i++) {
    const { threadId } = ingestInbound(deps, {
      channel: 'sms',
      transport: 'twilio',
      providerMessageId: `SMin${i}`,
      from: { address: `+4851200${String(1000 + i)}` },
      text: `hello ${i}`,
      attachments: [],
      providerTs: null,
    });
    replyToThread(deps, { id: 1, role: 'admin', teamIds: [] }, threadId!, { text: `reply ${i}` });
  }
}

describe('replies interrupted by a crash (kill -9 while provider calls are in flight)', () => {
  let provider: CrashProvider;
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    provider = await startCrashProvider();
    dir = mkdtempSync(join(tmpdir(), 'braid-crash-'));
    db = openDatabase(join(dir, 'braid.db'));
    seed(db);
  });
  afterAll(async () => {
    db.$client.close();
    await provider.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends each SMS (Twilio) once after restart: in-flight attempts are looked up, and only lost ones re-sent', async () => {
    // A quarter of the calls die before Twilio acted on them; the rest were accepted, unanswered.
    provider.lose = (body) => Number(body.split(' ')[1]) % 4 === 0;
    const first = (await startBraid(dir, { TWILIO_API_BASE: provider.url })).proc;
    await provider.waitForReceived(SENDS, 60_000); // every reply is in flight when Braid is killed
    expect(provider.accepted.length).toBe(SENDS * 0.75);
    first.kill('SIGKILL');
    await exited(first);
    provider.hold = false;

    const second = (await startBraid(dir, { TWILIO_API_BASE: provider.url })).proc;
    try {
      const end = Date.now() + 60_000;
      const settledRows = () =>
        db
          .select()
          .from(outbox)
          .all()
          .filter((r) => r.status === 'done' || r.status === 'failed');
      while (settledRows().length < SENDS && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      expect(settledRows().length).toBe(SENDS);
    } finally {
      second.kill('SIGTERM');
      await exited(second);
    }
    const perReply = new Map<string, number>();
    for (const m of provider.accepted) perReply.set(m.body, (perReply.get(m.body) ?? 0) + 1);
    const duplicates = provider.accepted.length - perReply.size;
    console.log(`[probe] SMS via Twilio: ${duplicates} duplicates per ${SENDS} crash-interrupted sends`);
    expect(perReply.size).toBe(SENDS); // every reply reached the customer …
    expect(duplicates).toBe(0); // … exactly once
    expect(
      db
        .select()
        .from(outbox)
        .all()
        .every((r) => r.status === 'done'),
    ).toBe(true);
  }, 180_000);
});
