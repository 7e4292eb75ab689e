import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { sleep } from './stats';

/** A server the bench started in its own process (Braid or the raw pipeline), on loopback. */
export interface ChildServer {
  name: string;
  url: string;
  port: number;
  pid: number;
  /** Milliseconds from spawn until the health URL answered 200. */
  startMs: number;
  /** Last lines the child printed (for error messages). */
  log(): string;
  /** Stop it: SIGTERM, then SIGKILL after a grace period (a busy event loop never sees SIGTERM). */
  stop(graceMs?: number): Promise<void>;
}

/** A loopback port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Spawn `node --import tsx <entry>` with env, wait until GET <healthPath> answers 200 (bounded). */
export async function startChild(
  name: string,
  entry: string,
  env: Record<string, string>,
  healthPath: string,
  timeoutMs = 120_000,
): Promise<ChildServer> {
  const port = Number(env.PORT);
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  // BENCH_CPU_PROF=<dir>: every child writes a V8 CPU profile there when it stops (node --cpu-prof).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...prof, '--import', 'tsx', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (c: Buffer) => {
    lines.push(...c.toString().split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((r) =>
    child.once('exit', () => {
      exited = true;
      r();
    }),
  );
  while (!exited) {
    if (performance.now() - t0 > timeoutMs) break;
    try {
      const res = await fetch(`${url}${healthPath}`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  if (exited || performance.now() - t0 > timeoutMs) {
    child.kill('SIGKILL');
    throw new Error(`${name} did not start: ${lines.join('\n')}`);
  }
  const startMs = performance.now() - t0;
  return {
    name,
    url,
    port,
    pid: child.pid as number,
    startMs,
    log: () => lines.join('\n'),
    async stop(graceMs = 5_000) {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}

// Linux reports CPU time in clock ticks; USER_HZ is 100 on every Linux the bench runs on.
const TICKS_PER_SEC = 100;

/** CPU time (user + system, ms) a process has used so far, read from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SEC;
}

/** Resident set size (bytes) of a process, from /proc/<pid>/status. */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}
