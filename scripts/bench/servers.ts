import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startChild, type ChildServer } from './proc';
import { META_SECRET } from './webhook';

/** Repository root (the bench runs the product exactly as `npm start` would, from its sources). */
export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/** The admin account every bench Braid boots with. */
export const ADMIN_EMAIL = 'bench-admin@bench.test';
/** The password of the admin and of every agent the bench makes. */
export const PASSWORD = 'bench-password-1';

/**
 * Start Braid as its own process (`node --import tsx server/index.ts`) on a loopback port over the
 * data directory given, with the Meta channel on (so signed webhooks are accepted). Black-box:
 * only environment variables, the same way an operator starts it.
 */
export async function startBraid(
  dataDir: string,
  extraEnv: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<ChildServer> {
  mkdirSync(dataDir, { recursive: true });
  const env = {
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO: '0',
    ADMIN_EMAIL,
    ADMIN_PASSWORD: PASSWORD,
    LOGIN_RATE_LIMIT: '100000',
    META_APP_SECRET: META_SECRET,
    SUPPORT_ADDRESSES: '',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: '0',
    NODE_ENV: 'production',
    ...extraEnv,
  };
  return startChild('braid', join(ROOT, 'server/index.ts'), env, '/healthz', timeoutMs);
}

/** Start the raw pipeline (scripts/bench/raw/server.ts) with `sessions` agent tokens t0…tN-1. */
export async function startRaw(dataDir: string, sessions: number): Promise<ChildServer> {
  mkdirSync(dataDir, { recursive: true });
  const env = {
    PORT: String(await freePort()),
    RAW_DB: join(dataDir, 'raw.db'),
    RAW_SECRET: META_SECRET,
    RAW_SESSIONS: String(sessions),
    NODE_ENV: 'production',
  };
  return startChild('raw', join(ROOT, 'scripts/bench/raw/server.ts'), env, '/healthz');
}

/** Cookie header for the raw pipeline's i-th agent session. */
export function rawCookie(i: number): string {
  return `raw_session=t${i}`;
}
