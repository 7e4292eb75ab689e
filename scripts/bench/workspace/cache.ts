import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BenchOptions } from '#scripts/bench/options';
import { ROOT } from '#scripts/bench/servers';

/** Where generated workspaces are kept between runs. */
export const CACHE = join(ROOT, 'data/bench');
const MIGRATIONS = join(ROOT, 'server/db/migrations');

function files(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]))
    .sort();
}

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/**
 * What a cached workspace depends on, in two parts. `generator`: the generator's own sources (this
 * file aside: it only decides reuse) and the sizes asked for — when it changes the rows would differ,
 * so the workspace is generated again. `migrations`: Braid's migrations, each as name and hash — a
 * cached workspace whose migrations are a prefix of today's is upgraded by booting Braid on it (the
 * boot applies the new ones, as it would on any customer's database) instead of being regenerated.
 */
export interface CacheKeys {
  generator: string;
  migrations: string[];
}

export function cacheKeys(o: BenchOptions): CacheKeys {
  const h = createHash('sha256');
  const sources = [
    ...files(join(ROOT, 'scripts/bench/workspace')).filter((f) => !f.endsWith('/cache.ts')),
    join(ROOT, 'scripts/bench/texts.ts'),
    join(ROOT, 'scripts/bench/webhook.ts'),
  ];
  for (const f of sources) h.update(relative(ROOT, f)).update(readFileSync(f));
  h.update(JSON.stringify([o.customers, o.messages, o.longThread, o.agents]));
  const migrations = readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => `${f}:${sha(readFileSync(join(MIGRATIONS, f)))}`);
  return { generator: h.digest('hex').slice(0, 16), migrations };
}

/** How a cached workspace relates to today's keys: usable as is, upgradable by migrating, or stale. */
export function cacheFit(cached: CacheKeys | undefined, now: CacheKeys): 'same' | 'upgrade' | 'stale' {
  if (!cached || cached.generator !== now.generator) return 'stale';
  if (cached.migrations.length > now.migrations.length) return 'stale';
  if (cached.migrations.some((m, i) => now.migrations[i] !== m)) return 'stale';
  return cached.migrations.length === now.migrations.length ? 'same' : 'upgrade';
}
