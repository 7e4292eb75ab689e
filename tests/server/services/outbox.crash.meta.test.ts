import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '#server/db/connection';
import { messages, outbox } from '#server/db/schema';
import { nobodyOnline, nullPublisher, type ServiceDeps } from '#server/services/deps';
import { ingestInbound } from '#server/services/ingest';
import { replyToThread } from '#server/services/replies';
import { makeAgent } from '#tests/factories';
import { exited, startBraid } from '#tests/helpers/crashChild';
import {
  startMetaCrashProvider,
  type AcceptedWhatsApp,
  type MetaCrashProvider,
} from '#tests/helpers/metaCrashProvider';
import { metaSignature, SECRETS } from '#tests/server/channels/webhookHelpers';

const SENDS = 100;

/** Seed SENDS WhatsApp (Cloud API) customers, each with one queued reply "reply <i>". */
function seed(db: Db): void {
  makeAgent(db, { id: 1, email: 'a@x', name: 'Ada', role: 'admin' });
  const deps: ServiceDeps = { db, publisher: nullPublisher, presence: nobodyOnline, now: Date.now };
  for (let i = 0; i < SENDS; i++) {
    const { threadId } = ingestInbound(deps, {
      channel: 'whatsapp',
      transport: 'meta',
      providerMessageId: `wamid.in${i}`,
      from: { address: `+4851300${String(1000 + i)}` },
      text: `hello ${i}`,
      attachments: [],
      providerTs: null,
      replyFacts: { transport: 'meta', phoneNumberId: SECRETS.META_PHONE_NUMBER_ID },
    });
    replyToThread(deps, { id: 1, role: 'admin', teamIds: [] }, threadId!, { text: `reply ${i}` });
  }
}

/** Meta's "sent" status webhook for an accepted message, echoing the send's biz_opaque_callback_data. */
async function postStatus(braidUrl: string, m: AcceptedWhatsApp): Promise<number> {
  const status: Record<string, unknown> = {
    id: m.wamid,
    status: 'sent',
    timestamp: String(Math.floor(Date.now() / 1000)),
    recipient_id: m.to,
  };
  if (m.tag) status.biz_opaque_callback_data = m.tag;
  const raw = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550000000', phone_number_id: SECRETS.META_PHONE_NUMBER_ID },
              statuses: [status],
            },
          },
        ],
      },
    ],
  });
  const res = await fetch(`${braidUrl}/webhooks/meta`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(raw) },
    body: raw,
  });
  return res.status;
}

describe('WhatsApp Cloud API replies interrupted by a crash, status webhooks arriving after restart', () => {
  let provider: MetaCrashProvider;
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    provider = await startMetaCrashProvider();
    dir = mkdtempSync(join(tmpdir(), 'braid-crash-meta-'));
    db = openDatabase(join(dir, 'braid.db'));
    seed(db);
  });
  afterAll(async () => {
    db.$client.close();
    await provider.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('settles each tagged in-flight send from its status webhook instead of sending it again', async () => {
    // A quarter of the calls die before Meta acted on them; the rest were accepted, unanswered.
    provider.lose = (body) => Number(body.split(' ')[1]) % 4 === 0;
    const env = { META_GRAPH_BASE: provider.url };
    const first = await startBraid(dir, env);
    await provider.waitForReceived(SENDS, 60_000);
    expect(provider.accepted.length).toBe(SENDS * 0.75);
    first.proc.kill('SIGKILL');
    await exited(first.proc);
    provider.hold = false;

    const second = await startBraid(dir, env);
    try {
      // Meta delivers the held status webhooks once Braid answers again.
      const statuses = await Promise.all(provider.accepted.slice().map((m) => postStatus(second.url, m)));
      expect(statuses.every((s) => s === 200)).toBe(true);
      const end = Date.now() + 90_000;
      const settled = () =>
        db
          .select()
          .from(outbox)
          .all()
          .filter((r) => r.status === 'done' || r.status === 'failed');
      while (settled().length < SENDS && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
      expect(settled().length).toBe(SENDS);
    } finally {
      second.proc.kill('SIGTERM');
      await exited(second.proc);
    }
    const perReply = new Map<string, number>();
    for (const m of provider.accepted) perReply.set(m.body, (perReply.get(m.body) ?? 0) + 1);
    const duplicates = provider.accepted.length - perReply.size;
    console.log(`[probe] WhatsApp via Cloud API: ${duplicates} duplicates per ${SENDS} crash-interrupted sends`);
    expect(perReply.size).toBe(SENDS); // every reply reached the customer …
    expect(duplicates).toBe(0); // … exactly once
    // Each reply carries the wamid Meta gave the one message it sent.
    const ids = db
      .select({ id: messages.providerMessageId })
      .from(messages)
      .all()
      .map((r) => r.id);
    for (const m of provider.accepted) expect(ids).toContain(m.wamid);
  }, 240_000);
});
