import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ALLOW_LOOPBACK_OUTBOUND } from './recorder';
import { SECRETS } from '#tests/server/channels/webhookHelpers';

const child = join(import.meta.dirname, 'outboxChild.ts');

/** A running Braid child for crash probes and the port it listens on. */
export interface BraidChild {
  proc: ChildProcess;
  url: string;
}

/** Start the outbox child (tests/helpers/outboxChild.ts) on the data dir; resolves once it is up. */
export function startBraid(dir: string, env: Record<string, string>): Promise<BraidChild> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child], {
      env: {
        ...process.env,
        ...SECRETS,
        ...ALLOW_LOOPBACK_OUTBOUND,
        DATA_DIR: dir,
        DEMO: '0',
        PUBLIC_URL: 'https://braid.example.com',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    p.stdout?.on('data', (c: Buffer) => {
      const m = /ready (\d+)/.exec(c.toString());
      if (m) resolve({ proc: p, url: `http://127.0.0.1:${m[1]}` });
    });
    p.once('exit', (code) => reject(new Error(`Braid child exited early (${code})`)));
  });
}

/** Resolves when the child has exited (also when it already has, by exit code or by a signal such as SIGKILL). */
export const exited = (p: ChildProcess) =>
  new Promise<void>((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once('exit', () => r())));
