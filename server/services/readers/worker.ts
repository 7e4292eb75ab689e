// A reader worker thread: its own READ-ONLY connection to the server's SQLite file (WAL lets it read
// while the main thread writes), answering one job at a time from the pool (pool.ts).
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { Db } from '#server/db/connection';
import * as schema from '#server/db/schema';
import { registerDb } from '#server/db/statements';
import { runReader, type ReaderName } from './jobs';
import type { JobMessage, ReplyMessage } from './pool';

const sqlite = new Database((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
const db = drizzle(sqlite, { schema }) as Db;
registerDb(db);

parentPort!.on('message', (job: JobMessage) => {
  let reply: ReplyMessage;
  try {
    reply = { id: job.id, result: runReader(db, job.name as ReaderName, job.args as never) };
  } catch (err) {
    const e = err as Error & { status?: number; code?: string };
    reply = { id: job.id, error: { message: e.message, status: e.status, code: e.code, stack: e.stack } };
  }
  parentPort!.postMessage(reply);
});
