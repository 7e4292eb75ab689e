import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '#tests/helpers/app';
import { channelEnv, postMeta } from '#tests/server/channels/webhookHelpers';
import { metaJson, waText } from './meta/payloads';

const N = 30;

describe('provider webhooks arriving together (group commit, real HTTP)', () => {
  let app: TestApp;
  let reader: Database.Database;
  beforeAll(async () => {
    app = await startApp(channelEnv());
    // A second connection to the same file: it sees committed rows only.
    reader = new Database(join(app.dir, 'braid.db'), { readonly: true });
  });
  afterAll(async () => {
    reader.close();
    await app.close();
  });

  const committed = (wamid: string) =>
    (reader.prepare('select count(*) as n from messages where provider_message_id = ?').get(wamid) as { n: number }).n;

  it('answers each webhook 200 only once its message is committed, stores each once, and gives a bad one its own error', async () => {
    const wamids = Array.from({ length: N }, (_, i) => `wamid.group.${i}`);
    const bodies = wamids.map((id, i) =>
      metaJson(
        waText({ from: `4851300${1000 + i}`, id, body: `Zamówienie ${i} — พัสดุ ${i} 包裹`, name: `Klient ${i}` }),
      ),
    );
    // Among them: Meta redelivering the first one, and a sender address no channel can use.
    const unusable = metaJson(waText({ from: 'not-a-number', id: 'wamid.group.bad', body: 'x' }));
    const sends = [...bodies, bodies[0], unusable];
    const answers = await Promise.all(
      sends.map((raw, i) =>
        postMeta(app, raw).then((res) => ({
          status: res.status,
          // Checked the moment the answer arrives, before anything else runs.
          storedAtAnswer: i < N ? committed(wamids[i]) : i === N ? committed(wamids[0]) : -1,
        })),
      ),
    );
    expect(answers.slice(0, N + 1).map((a) => a.status)).toEqual(Array(N + 1).fill(200));
    expect(answers.slice(0, N + 1).map((a) => a.storedAtAnswer)).toEqual(Array(N + 1).fill(1));
    expect(answers[N + 1].status).toBe(400);
    for (const id of wamids) expect(committed(id)).toBe(1);
    expect(committed('wamid.group.bad')).toBe(0);
    expect((reader.prepare('select count(*) as n from messages').get() as { n: number }).n).toBe(N);
    // Every delivery went through the group commit (how many groups depends on arrival timing).
    const stats = app.braid.ctx.commits.stats;
    expect(stats.jobs).toBe(N + 2);
    expect(stats.groups).toBeGreaterThanOrEqual(1);
  });
});
