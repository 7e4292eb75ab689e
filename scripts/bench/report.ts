import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import type { BenchOptions } from './options';
import type { Line } from './types';

/** Where and on what a run happened: printed above the table so figures can be compared honestly. */
export interface Machine {
  date: string;
  commit: string;
  /** Last commit that changed the product (server/, shared/): what the figures describe. */
  product: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  sqlite: string;
  load: string;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** Describe this machine and checkout (commit marked "+changes" when the worktree is dirty). */
export function describeMachine(): Machine {
  const db = new Database(':memory:');
  const sqlite = db.prepare('select sqlite_version()').pluck().get() as string;
  db.close();
  const dirty = git(['status', '--porcelain']) !== '';
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    commit: `${git(['rev-parse', '--short', 'HEAD'])}${dirty ? ' +changes' : ''}`,
    product: git(['log', '-1', '--format=%h', '--', 'server', 'shared']),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${type()} ${release()}`,
    node: process.version,
    sqlite,
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
  };
}

const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|');

/** The table as markdown, with the machine line and run settings above it. */
export function markdown(lines: Line[], m: Machine, o: BenchOptions, title: string): string {
  const head = [
    `### ${title}: ${m.date}, commit ${m.commit} (product code as of ${m.product})`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}; Node ${m.node}; SQLite ${m.sqlite}.`,
    `Load average at start ${m.load} (the machine is shared: figures are noisy).`,
    `Run: ${o.scale} scale, ${o.rounds} interleaved round(s) per ingest/socket row (medians shown), ` +
      `workspace ${o.customers.toLocaleString('en-US')} customers / ${o.messages.toLocaleString('en-US')} messages, ` +
      `request bound ${o.timeoutMs / 1000} s.`,
    '',
    '| measure | raw pipeline | Braid | vs raw / target |',
    '|---|---|---|---|',
  ];
  const rows = lines.map((l) => `| ${cell(l.measure)} | ${cell(l.raw ?? '')} | ${cell(l.braid)} | ${cell(l.note)} |`);
  return [...head, ...rows, ''].join('\n');
}

/** The table for the terminal: aligned columns. */
export function plain(lines: Line[]): string {
  const cols: Array<keyof Line> = ['measure', 'raw', 'braid', 'note'];
  const header: Line = { measure: 'measure', raw: 'raw pipeline', braid: 'Braid', note: 'vs raw / target' };
  const all = [header, ...lines];
  const width = cols.map((c) => Math.max(...all.map((l) => [...(l[c] ?? '')].length)));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].length));
  return all.map((l) => cols.map((c, i) => pad(l[c] ?? '', width[i])).join('  ')).join('\n');
}

/**
 * Put a block between `<!-- bench:<section>:start -->` and `…:end -->` in a markdown file,
 * adding the markers at the end when missing; the rest of the file is kept as written.
 */
export function writeSection(file: string, section: string, block: string): void {
  const start = `<!-- bench:${section}:start -->`;
  const end = `<!-- bench:${section}:end -->`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  const body = `${start}\n${block}\n${end}`;
  const out = i >= 0 && j > i ? text.slice(0, i) + body + text.slice(j + end.length) : `${text.trimEnd()}\n\n${body}\n`;
  writeFileSync(file, out);
}
