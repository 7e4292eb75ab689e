import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/connection';
import { toPositional } from '#server/db/engine/pgText';
import { get, run, statement, type Q } from '#server/db/engine/statement';
import { nobodyOnline, type RoutedEvent } from '#server/services/deps';
import { engineDeps, readQ, transactQ } from '#server/services/engine';
import { transact } from '#server/services/tx';
import type { NewEvent } from '#shared/schemas/events';
import { ENGINES, openEngine, type EngineFixture } from '#tests/helpers/engines';

// The engine-neutral boundary itself (docs/engine-port.md): statement texts, errors thrown into the
// generator, rollback, outbound webhooks queued with their event, and — on SQLite — publishing after
// the outermost commit when a converted service runs inside today's synchronous transact().

const message = (text: string) =>
  ({
    type: 'message.created',
    message: { id: 1, direction: 'inbound', text },
    thread: { id: 1 },
  }) as unknown as NewEvent;

describe('statement texts', () => {
  it('numbers named parameters for PostgreSQL, reusing a repeated name, leaving casts and quoted times alone', () => {
    expect(toPositional(`select :a::bigint, '10:30', :b, x from t where y = :a and z = :b_2`)).toEqual({
      text: `select $1::bigint, '10:30', $2, x from t where y = $1 and z = $3`,
      names: ['a', 'b', 'b_2'],
    });
  });

  it('refuses a name declared twice with another text (PostgreSQL prepares by name)', () => {
    statement('test.same', 'select 1');
    expect(() => statement('test.same', 'select 1')).not.toThrow();
    expect(() => statement('test.same', 'select 2')).toThrow(/declared twice/);
  });
});

describe.each(ENGINES)('the transaction boundary on %s', (kind) => {
  let e: EngineFixture;
  const put = statement<{ v: string }>('test.boundary.put', `insert into settings (key, value) values (:v, '"x"')`);
  const has = statement<{ v: string }, { n: number }>(
    'test.boundary.has',
    `select count(*) as n from settings where key = :v`,
  );
  const n = async (v: string) => (await readQ(e.a, get(has, { v })))!.n;

  beforeAll(async () => {
    e = await openEngine(kind);
    await e.one(
      `insert into webhook_endpoints (url, events, secret, created_at) values ('http://h', :ev, 's', 1) returning id`,
      {
        ev: JSON.stringify(['message.created']),
      },
    );
  });
  afterAll(() => e?.close());

  it('throws a failing statement into the generator at its yield, so the service may handle it', async () => {
    await transactQ(e.a, () => run(put, { v: 'dup' }));
    const caught = await readQ(
      e.a,
      (function* (): Q<string> {
        try {
          yield* run(put, { v: 'dup' });
          return 'stored twice';
        } catch (err) {
          return (err as { code?: string }).code ?? 'no code';
        }
      })(),
    );
    expect(caught).toBe(kind === 'sqlite' ? 'SQLITE_CONSTRAINT_PRIMARYKEY' : '23505');
  });

  it('rolls back every write and publishes nothing when the generator throws', async () => {
    const seen = e.published.length;
    const fail = transactQ(e.a, function* (emit) {
      yield* run(put, { v: 'gone' });
      emit(message('lost'), ['r']);
      throw new Error('boom');
    });
    await expect(fail).rejects.toThrow('boom');
    expect(await n('gone')).toBe(0);
    expect(e.published).toHaveLength(seen);
    expect(await e.one<{ n: number }>(`select count(*) as n from webhook_deliveries`)).toEqual({ n: 0 });
  });

  it('queues an outbound webhook delivery in the transaction of its event, and logs and publishes the event', async () => {
    const seen = e.published.length;
    // eslint-disable-next-line require-yield
    await transactQ(e.a, function* (emit) {
      emit(message('hello'), ['r'], null);
      return 1;
    });
    const delivery = await e.one<{ event: string; payload: string }>(`select event, payload from webhook_deliveries`);
    expect(delivery!.event).toBe('message.created');
    expect(JSON.parse(delivery!.payload)).toMatchObject({ message: { text: 'hello' } });
    const out: RoutedEvent[] = e.published.slice(seen);
    expect(out).toHaveLength(1);
    const logged = await e.one<{ seq: number; type: string }>(`select seq, type from events order by seq desc`);
    expect(out[0]!.event.seq).toBe(logged!.seq);
    expect(out[0]!.rooms).toEqual(['r']);
  });
});

describe('a converted service inside a synchronous SQLite transaction', () => {
  it('joins it as a savepoint and publishes only after the outermost commit', () => {
    const published: RoutedEvent[] = [];
    const db = openDatabase(':memory:');
    const deps = {
      db,
      publisher: { publish: (ev: RoutedEvent[]) => void published.push(...ev) },
      presence: nobodyOnline,
      now: () => 1,
    };
    transact(deps, () => {
      // eslint-disable-next-line require-yield
      void transactQ(engineDeps(deps), function* (emit) {
        emit(message('inner'), ['r']);
      });
      expect(published).toHaveLength(0);
    });
    expect(published).toHaveLength(1);
    db.$client.close();
  });
});
