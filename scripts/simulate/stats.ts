/** Counters the simulator prints while it runs and at the end. */
export class Stats {
  readonly counts = new Map<string, number>();

  /** Add n to a named counter. */
  add(name: string, n = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + n);
  }

  /** Record the HTTP answer Braid gave to a webhook on a channel. */
  answer(channel: string, status: number): void {
    this.add(`${channel} ${status === 0 ? 'unreachable' : status}`);
  }

  /** Current value of a counter. */
  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Counters whose name starts with a prefix, as "name=n" pairs. */
  line(prefix: string): string {
    return [...this.counts.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k.slice(prefix.length)}=${v}`)
      .join('  ');
  }

  /** A multi-line summary grouped by prefix. */
  summary(): string {
    const groups = new Set([...this.counts.keys()].map((k) => k.split(' ')[0]));
    return [...groups]
      .sort()
      .map((g) => `  ${g.padEnd(10)} ${this.line(`${g} `)}`)
      .join('\n');
  }
}
