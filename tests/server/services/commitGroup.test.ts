import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { messages } from '#server/db/schema';
import { CommitGroup } from '#server/services/commitGroup';
import { ingestInbound, type IngestResult } from '#server/services/ingest';
import { afterCommit, transact } from '#server/services/tx';
import { serviceDb } from '#tests/helpers/db';
import { inbound } from '#tests/factories';

let t: ReturnType<typeof serviceDb>['t'];
let env: ReturnType<typeof serviceDb>['env'];

beforeEach(() => ({ t, env } = serviceDb()));
afterEach(() => t.cleanup());

/** Texts of the stored messages, read through a second connection (sees committed rows only). */
function committedTexts(): string[] {
  const other = new Database(t.file, { readonly: true });
  try {
    return (other.prepare('select text from messages order by id').all() as Array<{ text: string }>).map((r) => r.text);
  } finally {
    other.close();
  }
}

describe('group commit', () => {
  it('commits work submitted together in one transaction and settles each only after the commit', async () => {
    const group = new CommitGroup(env.deps);
    const seenAtSettle: string[][] = [];
    const texts = ['สวัสดีค่ะ', '你好', 'Dzień dobry', 'Hello'];
    const settled = texts.map((text, i) =>
      group
        .submit(() => ingestInbound(env.deps, inbound('sms', `+4851200000${i}`, text)))
        .then((r) => {
          seenAtSettle.push(committedTexts());
          return r;
        }),
    );
    // Nothing runs before the event loop turns: submitting is not storing.
    expect(committedTexts()).toEqual([]);
    const results = await Promise.all(settled);
    expect(results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored', 'stored']);
    expect(group.stats).toEqual({ groups: 1, jobs: 4 });
    for (const seen of seenAtSettle) expect(seen).toEqual(texts);
    // Events were held to the commit and published once, as one batch, in order.
    const created = env.publisher.events.filter((e) => e.event.type === 'message.created');
    expect(created).toHaveLength(4);
    expect(created.map((e) => e.event.seq)).toEqual([...created.map((e) => e.event.seq)].sort((a, b) => a - b));
  });

  it('rolls back only the failing piece of work: it gets its own error, the others commit and publish', async () => {
    const group = new CommitGroup(env.deps);
    const ok1 = group.submit(() => ingestInbound(env.deps, inbound('sms', '+48512000010', 'first')));
    const bad = group.submit(() =>
      transact(env.deps, (tx, emit) => {
        const r = ingestInbound(env.deps, inbound('sms', '+48512000011', 'rolled back'));
        emit({ type: 'sentiment.alerted', threadId: (r as IngestResult).threadId, score: -1, threshold: 0 }, [], null);
        throw new Error('this one fails after writing');
      }),
    );
    const ok2 = group.submit(() => ingestInbound(env.deps, inbound('sms', '+48512000012', 'second')));
    await expect(bad).rejects.toThrow('this one fails after writing');
    expect((await ok1).status).toBe('stored');
    expect((await ok2).status).toBe('stored');
    expect(committedTexts()).toEqual(['first', 'second']);
    expect(group.stats).toEqual({ groups: 1, jobs: 3 });
    const types = env.publisher.events.map((e) => e.event.type);
    expect(types.filter((x) => x === 'message.created')).toHaveLength(2);
    expect(types).not.toContain('sentiment.alerted');
  });

  it('drops a duplicate that arrives in the same group as its original', async () => {
    const group = new CommitGroup(env.deps);
    const msg = inbound('whatsapp', '+48512000020', 'twice');
    const [a, b] = await Promise.all([
      group.submit(() => ingestInbound(env.deps, msg)),
      group.submit(() => ingestInbound(env.deps, msg)),
    ]);
    expect(a.status).toBe('stored');
    expect(b).toMatchObject({ status: 'duplicate', messageId: a.messageId });
    expect(t.db.select().from(messages).all()).toHaveLength(1);
  });

  it('runs after-commit work once the group commits, and each piece alone if the group cannot commit', async () => {
    const group = new CommitGroup(env.deps);
    const order: string[] = [];
    const first = group.submit(() => {
      const r = ingestInbound(env.deps, inbound('sms', '+48512000030', 'kept'));
      afterCommit(env.deps, () => order.push(`after: ${committedTexts().join(',')}`));
      return r;
    });
    // This one makes SQLite end the whole transaction (the group loses everything written so far).
    const breaker = group.submit(() => {
      if (env.deps.db.$client.inTransaction) env.deps.db.$client.exec('rollback');
      order.push('breaker ran');
      return 'done';
    });
    expect(await first).toMatchObject({ status: 'stored' });
    expect(await breaker).toBe('done');
    // The group failed: nothing it held ran; the work ran again alone (its own transactions), then its hook.
    expect(order).toEqual(['breaker ran', 'after: kept', 'breaker ran']);
    expect(committedTexts()).toEqual(['kept']);
    expect(group.stats).toEqual({ groups: 0, jobs: 0 });
  });
});
