import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatorEnv } from '#scripts/simulate/options';
import { threads } from '#server/db/schema';
import { freePort, startApp, type TestApp } from '#tests/helpers/app';

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/simulate.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('npm run simulate', () => {
  let app: TestApp;
  let ports: { provider: number; sink: number; smtp: number };
  const publicUrl = 'http://braid.simulated.test';

  beforeAll(async () => {
    ports = { provider: await freePort(), sink: await freePort(), smtp: await freePort() };
    const env = {
      ...simulatorEnv(publicUrl, ports.provider, ports.sink, ports.smtp),
      PUBLIC_URL: publicUrl,
      SMTP_HOST: '127.0.0.1',
    };
    app = await startApp(env);
  });
  afterAll(() => app.close());

  it('prints the env Braid needs, one KEY=VALUE per line', async () => {
    const { code, out } = await run(['--print-env', '--provider-port', '4999'], {});
    expect(code).toBe(0);
    expect(out).toMatch(/^TWILIO_API_BASE=http:\/\/127\.0\.0\.1:4999$/m);
    expect(out).toMatch(/^SUPPORT_ADDRESSES=support@acme\.test$/m);
  });

  it('drives every channel with signed traffic, gets only 2xx answers and stops by itself', async () => {
    const args = [
      '--url',
      app.url,
      '--rate',
      '300',
      '--duration',
      '4',
      '--seed',
      '7',
      '--quiet',
      '--provider-port',
      String(ports.provider),
      '--sink-port',
      String(ports.sink),
      '--smtp-port',
      String(ports.smtp),
    ];
    const { code, out } = await run(args, { PUBLIC_URL: publicUrl });
    expect(code, out).toBe(0);
    const inLine = out.split('\n').find((l) => l.trim().startsWith('in ')) ?? '';
    expect(inLine).toMatch(/sms 200=\d+/);
    // Every webhook/SMTP/widget answer was a success: no 4xx/5xx/unreachable counters.
    expect(inLine).not.toMatch(/ (4\d\d|5\d\d|unreachable)=/);
    const count = app.db.select({ id: threads.id }).from(threads).all().length;
    expect(count).toBeGreaterThan(5);
  }, 40_000);
});
