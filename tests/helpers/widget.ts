import { io, type Socket } from 'socket.io-client';
import type { WidgetClientEvents, WidgetMessage, WidgetServerEvents, WidgetSession } from '#shared/widget';

/** A web-chat visitor's socket, typed like the widget's. */
export type WidgetSocket = Socket<WidgetServerEvents, WidgetClientEvents>;

/** Connect a visitor (optionally with a kept token) and wait for its session. */
export async function visitor(url: string, token?: string): Promise<{ socket: WidgetSocket; session: WidgetSession }> {
  const socket: WidgetSocket = io(`${url}/widget`, {
    auth: token ? { token } : {},
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const session = await new Promise<WidgetSession>((resolve, reject) => {
    socket.once('widget.session', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, session };
}

/** Send a visitor message (with optional pre-chat profile) and wait for the ack. */
export function send(
  s: WidgetSocket,
  text: string,
  extra: Record<string, unknown> = {},
): Promise<{ ok: true; message: WidgetMessage } | { ok: false; error: string }> {
  return new Promise((resolve) =>
    s.emit('widget.send', { clientId: `c${Math.random().toString(36).slice(2, 12)}`, text, ...extra }, resolve),
  );
}
