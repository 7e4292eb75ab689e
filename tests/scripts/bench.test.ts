import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROWS } from '#scripts/bench/rows';

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/main.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

interface Report {
  lines: Array<{ row: string; measure: string; raw?: string; braid: string }>;
  failed: string[];
}

// The harness at its tiniest (BENCH_TINY=1): every row runs against real child servers. No speed is
// asserted (benchmarks are not tests) — only that each row produced figures and the table was written.
describe('npm run bench', () => {
  const dir = mkdtempSync(join(tmpdir(), 'braid-bench-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists its rows', async () => {
    const { code, out } = await run(['--list'], {});
    expect(code).toBe(0);
    for (const r of ROWS) expect(out).toContain(r.id);
  });

  it('runs every row and writes the table', async () => {
    const md = join(dir, 'bench.md');
    const json = join(dir, 'bench.json');
    const { code, out } = await run(['--out', md, '--json', json], { BENCH_TINY: '1' });
    expect(code, out).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.failed).toEqual([]);
    for (const r of ROWS) {
      const lines = report.lines.filter((l) => l.row === r.id);
      expect(lines.length, r.id).toBeGreaterThan(0);
      // A figure, or n/a for an endpoint that does not exist yet — never a failure.
      for (const l of lines) expect(l.braid, `${r.id}: ${l.measure}`).toMatch(/\d|^n\/a$/);
    }
    // Ingest and socket rows compare with the raw pipeline measured in the same run.
    for (const id of ['ingest-closed', 'ingest-open', 'sockets'])
      expect(report.lines.find((l) => l.row === id)?.raw, id).toMatch(/\d/);
    const table = readFileSync(md, 'utf8');
    expect(table).toContain('| measure | raw pipeline | Braid | vs raw / target |');
    expect(table).toMatch(/Machine: .+ cores, .+ Node v\d+.+ SQLite \d/);
    for (const l of report.lines) expect(table).toContain(l.measure.replace(/\|/g, '\\|'));
  }, 180_000);
});
