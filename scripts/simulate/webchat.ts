import { io, type Socket } from 'socket.io-client';
import type { WidgetClientEvents, WidgetServerEvents } from '#shared/widget';
import type { Persona } from './personas';
import type { Stats } from './stats';

type WidgetSocket = Socket<WidgetServerEvents, WidgetClientEvents>;

/**
 * Web-chat visitors: each persona keeps one widget connection (and its signed token, as the widget
 * keeps it in localStorage), gives its email in the pre-chat form, and reads agent replies live.
 */
export class WebchatSide {
  private readonly sockets = new Map<string, Promise<WidgetSocket>>();
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly braidUrl: string,
    private readonly stats: Stats,
  ) {}

  private connect(p: Persona): Promise<WidgetSocket> {
    const existing = this.sockets.get(p.email);
    if (existing) return existing;
    const socket: WidgetSocket = io(`${this.braidUrl}/widget`, {
      transports: ['websocket'],
      auth: (cb) => cb({ token: this.tokens.get(p.email) }),
    });
    const ready = new Promise<WidgetSocket>((resolve, reject) => {
      socket.once('widget.session', () => resolve(socket));
      socket.once('connect_error', (err) => reject(err));
    });
    socket.on('widget.session', (s) => this.tokens.set(p.email, s.token));
    socket.on('widget.message', (m) => {
      if (m.from !== 'agent') return;
      this.stats.add('replies webchat:live');
      socket.emit('widget.seen', { ids: [m.id], open: true });
    });
    this.sockets.set(p.email, ready);
    ready.catch(() => this.sockets.delete(p.email));
    return ready;
  }

  /** A visitor writes; resolves 200 when Braid stored it (or a refusal code). */
  async send(p: Persona, text: string, clientId: string, duplicate: boolean): Promise<number> {
    try {
      const socket = await this.connect(p);
      const payload = { clientId, text, profile: { name: p.name, email: p.email } };
      const emit = () =>
        new Promise<boolean>((resolve) =>
          socket.timeout(10_000).emit('widget.send', payload, (err, r) => resolve(!err && r.ok)),
        );
      const ok = await emit();
      if (duplicate) await emit(); // a resend after a flaky connection
      return ok ? 200 : 429;
    } catch {
      return 0;
    }
  }

  /** Close every visitor's socket. */
  async close(): Promise<void> {
    for (const s of this.sockets.values()) (await s.catch(() => null))?.close();
  }
}
