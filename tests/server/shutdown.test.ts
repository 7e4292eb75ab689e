// Graceful shutdown of the real server process (server/index.ts): SIGTERM (and at once SIGINT, as a
// Ctrl-C under `npm start` arrives twice) while provider webhooks are in flight — every webhook answered 2xx is in the SQLite file, the rest were refused or cut before an
// answer (so the provider retries), and the process exits 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SECRETS } from '#tests/server/channels/webhookHelpers';

const ROOT = join(import.meta.dirname, '../..');
const SENDS = 400;
const LATE = 100;
const dir = mkdtempSync(join(tmpdir(), 'braid-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Boot Braid exactly as `npm start` does (server/index.ts) on the temp data dir; resolves with its URL. */
function boot(): Promise<{ proc: ChildProcess; url: string; exit: Promise<number | null>; output: () => string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/index.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...SECRETS,
      PUBLIC_URL: 'https://braid.example.com',
      DATA_DIR: dir,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO: '0',
      ADMIN_PASSWORD: 'correct-horse-battery',
      REPORT_WORKERS: '0',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exit = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve({ proc, url: `http://127.0.0.1:${m[1]}`, exit, output: () => out });
    });
    void exit.then((code) => reject(new Error(`Braid exited early (${code}): ${out}`)));
  });
}

const update = (i: number) =>
  JSON.stringify({
    update_id: 50_000 + i,
    message: {
      message_id: i,
      date: 1_760_000_000,
      chat: { id: 7000 + (i % 40), type: 'private' },
      from: { id: 7000 + (i % 40), is_bot: false, first_name: 'Ana' },
      text: `shutdown probe ${i}`,
    },
  });

describe('SIGTERM with webhooks in flight', () => {
  it('keeps every acknowledged message, answers or cuts the rest, and exits 0', { timeout: 120_000 }, async () => {
    const braid = await boot();
    let answered = 0;
    let signalled = false;
    const send = async (i: number): Promise<number | 'cut'> => {
      try {
        const res = await fetch(`${braid.url}/webhooks/telegram`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-telegram-bot-api-secret-token': SECRETS.TELEGRAM_SECRET_TOKEN,
          },
          body: update(i),
        });
        await res.arrayBuffer();
        // SIGTERM once a tenth are answered: the rest are in flight or not yet sent.
        if (++answered === SENDS / 10 && !signalled) {
          signalled = true;
          braid.proc.kill('SIGTERM');
          // The same stop again at once, as `npm start` forwards a Ctrl-C the server also got from the
          // terminal: still a graceful stop, not "exit without waiting".
          braid.proc.kill('SIGINT');
        }
        return res.status;
      } catch {
        return 'cut';
      }
    };
    const first = Array.from({ length: SENDS }, (_, i) => send(i));
    // More arrive while it drains: on open connections (503) or refused (the listener is closed).
    const late: Array<Promise<number | 'cut'>> = [];
    while (!signalled) await new Promise((r) => setTimeout(r, 5));
    for (let i = SENDS; i < SENDS + LATE; i++) {
      late.push(send(i));
      await new Promise((r) => setTimeout(r, 2));
    }
    const outcomes = await Promise.all([...first, ...late]);
    const code = await braid.exit;
    // Either signal may be handled first; the other must not turn the stop into an exit without waiting.
    expect(braid.output()).toMatch(/SIG(TERM|INT): finishing requests in flight[\s\S]*stopped/);
    expect(braid.output()).not.toMatch(/again: exiting without waiting/);

    const acknowledged = outcomes.flatMap((o, i) => (o === 200 ? [`shutdown probe ${i}`] : []));
    const other = outcomes.filter((o) => o !== 200);
    console.log(
      `[shutdown] ${acknowledged.length} acknowledged, ${other.length} refused or cut: ${[...new Set(other)].join(', ')}`,
    );
    expect(code).toBe(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(SENDS / 10);
    expect(other.length).toBeGreaterThan(0); // the late ones at least
    // Nothing but a 2xx, a 503 "shutting down" or a closed connection.
    expect(other.every((o) => o === 503 || o === 'cut')).toBe(true);

    const db = new Database(join(dir, 'braid.db'), { readonly: true });
    try {
      const stored = new Set(
        (
          db.prepare(`select text from messages where text like 'shutdown probe %'`).all() as Array<{ text: string }>
        ).map((r) => r.text),
      );
      expect(acknowledged.filter((t) => !stored.has(t))).toEqual([]);
    } finally {
      db.close();
    }
  });
});
