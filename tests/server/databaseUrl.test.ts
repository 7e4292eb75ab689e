// A node started with DATABASE_URL (server/index.ts) refuses to start, saying what exists on the
// PostgreSQL side and what does not, instead of running on a SQLite file of its own.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#server/config';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'braid-dburl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/index.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DEMO: '0', REDIS_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    // A node that did start (the bug) is stopped, so the test fails instead of hanging.
    const guard = setTimeout(() => p.kill('SIGKILL'), 100_000);
    p.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, out });
    });
  });
}

describe('DATABASE_URL', () => {
  it('makes Braid refuse to start, naming what exists and what does not, without touching SQLite', async () => {
    const { code, out } = await start({ DATABASE_URL: 'postgres://braid:s3cret@127.0.0.1:5432/braid' });
    expect(code).toBe(1);
    expect(out).toContain('cannot run on PostgreSQL yet');
    expect(out).toContain('will not fall back to SQLite');
    expect(out).toContain('server/db/migrations-pg/');
    expect(out).toContain('npm run migrate:sqlite-to-postgres');
    expect(out).toContain('engine port');
    expect(out).toContain('postgres://braid:***@127.0.0.1:5432/braid');
    expect(out).not.toContain('s3cret');
    expect(out).not.toContain('listening on');
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'braid.db'))).toBe(false);
    // Loading the whole server takes a while on a loaded machine before the check runs.
  }, 120_000);

  it('must be a PostgreSQL URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL must be postgres/);
    expect(loadConfig({ DATABASE_URL: 'postgresql://x@y/z' }).DATABASE_URL).toBe('postgresql://x@y/z');
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
  });
});
