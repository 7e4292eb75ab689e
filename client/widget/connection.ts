import { io, type Socket } from 'socket.io-client';
import type {
  WidgetClientEvents,
  WidgetMessage,
  WidgetProfile,
  WidgetServerEvents,
  WidgetSession,
} from '#shared/widget';

/** What the widget's UI hears from the connection. */
export interface ConnectionHandlers {
  onSession(s: WidgetSession): void;
  onMessage(m: WidgetMessage): void;
  onConnected(connected: boolean): void;
}

/** The widget's link to Braid's '/widget' namespace. */
export interface WidgetConnection {
  /** Send a message; resolves with the stored message or rejects with a reason to show. */
  send(clientId: string, text: string, profile?: WidgetProfile): Promise<WidgetMessage>;
  /** Tell Braid these replies were shown (open = the panel is open, so they were read). */
  seen(ids: number[], open: boolean): void;
}

const TOKEN_KEY = 'braid.widget.token';
const SEND_TIMEOUT_MS = 10_000;

function loadToken(): string | undefined {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined; // storage disabled: the visitor is anonymous for this page view only
  }
}

function saveToken(token: string): void {
  try {
    localStorage.setItem(TOKEN_KEY, token);
  } catch {
    /* storage disabled */
  }
}

/** A random id for a message, so a resend after a dropped connection is stored once. */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Connect to Braid: the signed visitor token kept in localStorage is presented on every
 * (re)connection, and each connection starts with the session (token + history) from the server.
 */
export function connectWidget(origin: string, h: ConnectionHandlers): WidgetConnection {
  const socket: Socket<WidgetServerEvents, WidgetClientEvents> = io(`${origin}/widget`, {
    auth: (cb) => cb({ token: loadToken() }),
    transports: ['websocket', 'polling'],
  });
  socket.on('connect', () => h.onConnected(true));
  socket.on('disconnect', () => h.onConnected(false));
  socket.on('connect_error', () => h.onConnected(false));
  socket.on('widget.session', (s) => {
    saveToken(s.token);
    h.onSession(s);
  });
  socket.on('widget.message', (m) => h.onMessage(m));
  return {
    send(clientId, text, profile) {
      return new Promise((resolve, reject) => {
        socket.timeout(SEND_TIMEOUT_MS).emit('widget.send', { clientId, text, profile }, (err, res) => {
          if (err) return reject(new Error('Not sent — check your connection'));
          if (!res.ok) return reject(new Error(res.error));
          resolve(res.message);
        });
      });
    },
    seen(ids, open) {
      if (ids.length > 0 && socket.connected) socket.emit('widget.seen', { ids: ids.slice(-200), open });
    },
  };
}
