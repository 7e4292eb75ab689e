import type { Socket } from 'socket.io-client';
import { send } from '#scripts/bench/http';
import { cpuMs, rssBytes, type ChildServer } from '#scripts/bench/proc';
import { connectSocket } from '#scripts/bench/sockets';
import { kb, median, ms, sleep, verdict } from '#scripts/bench/stats';
import { defineRow } from '#scripts/bench/types';

interface SocketRun {
  connectMs: number;
  /** Sockets that connected before the bound (the rest timed out or were refused). */
  connected: number;
  rssPerSocket: number;
  presenceEvents: number;
  /** Server CPU per connected socket, from the first handshake until the presence broadcasts stopped (ms). */
  cpuPerSocket: number;
}

/** Wait until the server answers a health check quickly again (bounded): the previous storm is over. */
async function settle(server: ChildServer, boundMs: number): Promise<void> {
  const until = performance.now() + boundMs;
  let quick = 0;
  while (performance.now() < until && quick < 2) {
    const a = await send(`${server.url}/healthz`, { timeoutMs: boundMs });
    quick = a.status === 200 && a.ms < 50 ? quick + 1 : 0;
    await sleep(100);
  }
}

/**
 * Connect every cookie's socket (at most 100 handshakes in flight, the whole phase bounded), time
 * it, and measure the server's RSS growth once the presence broadcasts have stopped.
 */
async function connectAll(server: ChildServer, cookies: string[], boundMs: number): Promise<SocketRun> {
  await settle(server, boundMs);
  const rss0 = rssBytes(server.pid);
  const cpu0 = cpuMs(server.pid);
  let presenceEvents = 0;
  let lastEventAt = 0;
  const count = (s: Socket) =>
    s.on('presence.changed', () => {
      presenceEvents++;
      lastEventAt = performance.now();
    });
  const sockets: Socket[] = [];
  const t0 = performance.now();
  const deadline = t0 + boundMs;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(100, cookies.length) }, async () => {
      while (next < cookies.length && performance.now() < deadline) {
        const cookie = cookies[next++];
        // A handshake the swamped server never finishes is a result (counted below), not a bench failure.
        await connectSocket(server.url, cookie, count, Math.max(1_000, deadline - performance.now())).then(
          (s) => sockets.push(s),
          () => undefined,
        );
      }
    }),
  );
  const connectMs = performance.now() - t0;
  // Presence broadcasts may still be in flight: wait until they stop (bounded) before measuring RSS.
  const quietUntil = performance.now() + boundMs;
  while (performance.now() < quietUntil && performance.now() - Math.max(lastEventAt, t0 + connectMs) < 500)
    await sleep(100);
  const rss1 = rssBytes(server.pid);
  const cpu = cpuMs(server.pid) - cpu0;
  for (const s of sockets) s.close();
  await settle(server, boundMs);
  const connected = sockets.length;
  const per = Math.max(1, connected);
  return { connectMs, connected, rssPerSocket: (rss1 - rss0) / per, presenceEvents, cpuPerSocket: cpu / per };
}

/** Many agent sockets: time to connect them all, server RSS per socket, presence events sent meanwhile. */
export const manySockets = defineRow({
  id: 'sockets',
  fixture: 'sockets',
  measures: [
    'agent sockets: connect all',
    'RSS per agent socket',
    'server CPU per agent socket',
    'presence events received while connecting',
  ],
  async run(f) {
    const bound = Math.max(120_000, f.opts.timeoutMs);
    const total = f.opts.manySockets;
    const runs: Record<'raw' | 'braid', SocketRun[]> = { raw: [], braid: [] };
    for (let r = 0; r < f.opts.rounds; r++) {
      const order = r % 2 === 0 ? (['raw', 'braid'] as const) : (['braid', 'raw'] as const);
      for (const t of order) runs[t].push(await connectAll(f[t], t === 'raw' ? f.rawCookies : f.braidCookies, bound));
      // Repeating a round that took many seconds adds minutes and no information: stop there.
      if (runs.braid.some((x) => x.connectMs > 10_000 || x.connected < total)) break;
    }
    const med = (t: 'raw' | 'braid', pick: (x: SocketRun) => number) => median(runs[t].map(pick));
    const connect = (t: 'raw' | 'braid') => {
      const short = runs[t].find((x) => x.connected < total);
      return short
        ? `> ${bound / 1000} s (${short.connected.toLocaleString('en-US')} connected)`
        : ms(med(t, (x) => x.connectMs));
    };
    const allIn = runs.braid.every((x) => x.connected === total);
    const n = total.toLocaleString('en-US');
    return [
      {
        measure: `${n} agent sockets (distinct agents): connect all`,
        raw: connect('raw'),
        braid: connect('braid'),
        note: verdict(allIn && med('braid', (x) => x.connectMs) <= 3_000, '≤ 3 s'),
      },
      {
        measure: 'server RSS per connected agent socket',
        raw: kb(med('raw', (x) => x.rssPerSocket)),
        braid: kb(med('braid', (x) => x.rssPerSocket)),
        note: verdict(med('braid', (x) => x.rssPerSocket) <= 30 * 1024, '≤ 30 KB'),
      },
      {
        // The steadier figure on a shared machine: wall time waits for CPU the other work holds.
        measure: 'server CPU per agent socket connected (handshake, rooms, presence)',
        raw: ms(med('raw', (x) => x.cpuPerSocket)),
        braid: ms(med('braid', (x) => x.cpuPerSocket)),
        note: `${(
          med('braid', (x) => x.cpuPerSocket) /
          Math.max(
            0.001,
            med('raw', (x) => x.cpuPerSocket),
          )
        ).toFixed(1)}× raw`,
      },
      {
        measure: `presence events received while connecting ${n} sockets`,
        raw: med('raw', (x) => x.presenceEvents).toLocaleString('en-US'),
        braid: med('braid', (x) => x.presenceEvents).toLocaleString('en-US'),
      },
    ];
  },
});
