import { afterEach, expect, it } from 'vitest';
import type { RoutedEvent } from '#server/services/deps';
import { startApp, type TestApp } from '#tests/helpers/app';

let app: TestApp | null = null;
const errors: unknown[] = [];
const record = (e: unknown) => errors.push(e);
afterEach(() => {
  process.off('uncaughtException', record);
  app = null;
});

// Found by a clean-clone CI run: a routing pass queued just before shutdown ran after the
// database had been closed ("The database connection is not open", uncaught in setImmediate).
it('a routing pass queued before shutdown does not run on the closed database', async () => {
  app = await startApp();
  process.prependListener('uncaughtException', record);
  const { routing } = app.braid.ctx;
  // A message in an unassigned thread of team 1 queues a pass for the next turn of the event loop…
  routing.onEvents([
    {
      event: { type: 'message.created', thread: { assigneeId: null, teamId: 1 } },
      rooms: [],
    } as unknown as RoutedEvent,
  ]);
  // …and the server stops and closes its database before that turn comes.
  routing.stop();
  app.db.$client.close();
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  expect(errors).toEqual([]);
  await app.braid.close();
});
