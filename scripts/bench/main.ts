// `npm run bench`: Braid's performance record. Loopback only, every loop bounded; see docs/benchmarks.md.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOptions } from './options';
import { describeMachine, markdown, plain, writeSection } from './report';
import { ROWS } from './rows';
import { runRows } from './runner';
import { ROOT } from './servers';

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  if ('help' in o) {
    console.log(o.help);
    return 0;
  }
  if ('list' in o) {
    for (const r of ROWS) console.log(`${r.id.padEnd(18)} ${r.measures.join('; ')}`);
    return 0;
  }
  const unknown = o.only.filter((id) => !ROWS.some((r) => r.id === id));
  if (unknown.length > 0) {
    console.error(`unknown row(s): ${unknown.join(', ')} (see --list)`);
    return 2;
  }
  const rows = o.only.length > 0 ? ROWS.filter((r) => o.only.includes(r.id)) : ROWS;
  const machine = describeMachine();
  const log = (s: string) => console.error(s);
  const t0 = performance.now();
  const { lines, failed } = await runRows(rows, o, log);
  log(`[bench] finished in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  console.log(`\n${plain(lines)}\n`);
  const title = o.record === 'before' ? 'Before' : 'Latest run';
  const md = markdown(lines, machine, o, title);
  if (o.out !== '-') {
    const file = o.out ?? join(ROOT, 'docs/benchmarks.md');
    writeSection(file, o.out ? 'table' : o.record, md);
    log(`[bench] table written to ${file}`);
  }
  if (o.json) writeFileSync(o.json, JSON.stringify({ machine, lines, failed }, null, 2));
  for (const f of failed) console.error(`[bench] row failed: ${f}`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
