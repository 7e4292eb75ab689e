import { io, type Socket } from 'socket.io-client';
import { MARK } from './webhook';
import { sleep } from './stats';

/**
 * Open one Socket.IO connection (websocket transport, no reconnection) with a cookie; `listen`
 * attaches handlers before the handshake so no early event is missed.
 */
export function connectSocket(
  url: string,
  cookie: string,
  listen?: (s: Socket) => void,
  timeoutMs = 60_000,
): Promise<Socket> {
  const s = io(url, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
  });
  listen?.(s);
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', (err) => {
      s.close();
      reject(err);
    });
  });
}

/** What one load run measured at the receiving end. */
export interface Deliveries {
  /** Send → arrival at the last of the agent sockets, per message that reached all of them (ms). */
  latencies: number[];
  /** Messages sent that did not reach every socket in time. */
  missing: number;
  /** performance.now() when the last message reached its last socket. */
  lastAt: number;
}

/**
 * Agent sockets that must each receive every message: tracks, per message sequence number (the
 * `#seq#` marker in its text), when it was sent and when the last socket received it.
 */
export class Receivers {
  private readonly pending = new Map<number, { t0: number; seen: number }>();
  private latencies: number[] = [];
  private lastAt = 0;
  private waiter: (() => void) | null = null;

  private constructor(readonly sockets: Socket[]) {
    for (const s of sockets) {
      s.on('message.created', (e: { message?: { text?: string } }) => this.arrived(e.message?.text ?? ''));
    }
  }

  /** Connect one socket per cookie. */
  static async connect(url: string, cookies: string[]): Promise<Receivers> {
    return new Receivers(await Promise.all(cookies.map((c) => connectSocket(url, c))));
  }

  /** Register a message about to be sent at t0 (a scheduled time for open-loop runs). */
  expect(seq: number, t0: number): void {
    this.pending.set(seq, { t0, seen: 0 });
  }

  private arrived(text: string): void {
    const m = MARK.exec(text);
    const p = m ? this.pending.get(Number(m[1])) : undefined;
    if (!p) return;
    p.seen++;
    if (p.seen < this.sockets.length) return;
    const now = performance.now();
    this.latencies.push(now - p.t0);
    this.lastAt = now;
    this.pending.delete(Number(m?.[1]));
    if (this.pending.size === 0) this.waiter?.();
  }

  /** Wait (bounded) until every expected message reached every socket, then hand back the figures. */
  async drain(timeoutMs: number): Promise<Deliveries> {
    if (this.pending.size > 0) {
      await Promise.race([new Promise<void>((r) => (this.waiter = r)), sleep(timeoutMs)]);
      this.waiter = null;
    }
    const out = { latencies: this.latencies, missing: this.pending.size, lastAt: this.lastAt };
    this.pending.clear();
    this.latencies = [];
    this.lastAt = 0;
    return out;
  }

  /** Disconnect every socket. */
  close(): void {
    for (const s of this.sockets) s.close();
  }
}
