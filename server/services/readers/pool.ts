// Reports and metrics scan many rows in synchronous better-sqlite3 calls; on the request thread each
// one would hold every webhook, socket and health check until it ends. The pool runs them on 1–2
// worker threads, each with its own read-only connection to the same file (WAL: readers never wait
// for the writer), and the request handler awaits the answer.
import { Worker } from 'node:worker_threads';
import type { Db } from '#server/db/connection';
import { AppError } from '#server/errors';
import type { ErrorCode } from '#shared/errors';
import { runReader, type ReaderArgs, type ReaderName, type ReaderResult } from './jobs';

/** A job sent to a worker. */
export interface JobMessage {
  id: number;
  name: string;
  args: unknown;
}

/** A worker's answer to one job: the reader's result, or the error it threw. */
export type ReplyMessage =
  | { id: number; result: unknown }
  | { id: number; error: { message: string; status?: number; code?: string; stack?: string } };

interface Job extends JobMessage {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

const BOOT = new URL('./boot.mjs', import.meta.url);
const ENTRY = new URL('./worker.ts', import.meta.url).href;

const toError = (e: { message: string; status?: number; code?: string; stack?: string }): Error => {
  const err = e.status === undefined ? new Error(e.message) : new AppError(e.message, e.status, e.code as ErrorCode);
  if (e.stack) err.stack = e.stack;
  return err;
};

/**
 * Runs readers (jobs.ts) off the event loop. Workers start on the first job and are replaced if one
 * dies; `size` 0 or an in-memory database (another connection cannot see it) runs them inline.
 */
export class ReaderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly size: number,
  ) {}

  /** Whether jobs run on worker threads (false: inline, on the caller's thread). */
  get threaded(): boolean {
    return this.size > 0 && !this.db.$client.memory;
  }

  /** How many worker threads are running. */
  get workers(): number {
    return this.slots.length;
  }

  /** Run one reader and resolve with its answer (rejects with the error it threw). */
  run<K extends ReaderName>(name: K, args: ReaderArgs<K>): Promise<ReaderResult<K>> {
    if (this.closed) return Promise.reject(new Error('the reader pool is closed'));
    if (!this.threaded) {
      try {
        return Promise.resolve(runReader(this.db, name, args));
      } catch (err) {
        return Promise.reject(err as Error);
      }
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, name, args, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Start the workers now instead of on the first job (a worker takes seconds to load its modules). */
  start(): void {
    if (!this.threaded || this.closed) return;
    while (this.slots.length < this.size) this.spawn().worker.unref();
  }

  /** Stop every worker; jobs still queued or running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the reader pool is closed'));
    const slots = this.slots.splice(0);
    for (const s of slots) s.job?.reject(new Error('the reader pool is closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, name: job.name, args: job.args } satisfies JobMessage);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY, file: this.db.$client.name } });
    const slot: Slot = { worker, job: null };
    worker.on('message', (m: ReplyMessage) => {
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      slot.job = null;
      worker.unref();
      if ('error' in m) job.reject(toError(m.error));
      else job.resolve(m.result);
      this.dispatch();
    });
    const fail = (err: Error) => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      this.slots.splice(i, 1);
      slot.job?.reject(err);
      slot.job = null;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a reader worker stopped (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }
}
