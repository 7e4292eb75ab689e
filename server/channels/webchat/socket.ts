import type { Namespace, Socket } from 'socket.io';
import { addressMatcher } from '#server/channels/kit/ipGuard';
import type { MessageRow } from '#server/db/mappers';
import type { ChannelHost } from '#server/channels/types';
import { parseVisitorMessage } from './parse';
import { WIDGET_SECRET_KEY, ensureSecret } from '#server/services/secrets';
import { markWidgetSeen, postVisitorMessage, toWidgetMessage, widgetSession } from '#server/services/widgetChat';
import {
  WidgetSeenSchema,
  WidgetSendSchema,
  type WidgetAuth,
  type WidgetClientEvents,
  type WidgetServerEvents,
} from '#shared/widget';
import { TokenBuckets } from './rateLimit';
import { issueVisitorToken, verifyVisitorToken } from './token';

interface WidgetSocketData {
  visitorId: string;
  token: string;
  ip: string;
}

type WidgetNamespace = Namespace<WidgetClientEvents, WidgetServerEvents, Record<string, never>, WidgetSocketData>;
type WidgetSocket = Socket<WidgetClientEvents, WidgetServerEvents, Record<string, never>, WidgetSocketData>;

/** The live widget channel: pushes replies to visitors and closes their sockets on shutdown. */
export interface WidgetChannel {
  /** Push a reply to every open widget of the visitor; false when none is connected. */
  deliver(visitorId: string, message: MessageRow): boolean;
  close(): void;
}

const visitorRoom = (visitorId: string) => `visitor:${visitorId}`;

/** The visitor's address for rate limits; like Express, X-Forwarded-For is believed only from a TRUST_PROXY peer. */
function clientIp(
  peer: string,
  forwarded: string | string[] | undefined,
  trusted: ((address: string) => boolean) | null,
): string {
  const local = trusted?.(peer) === true;
  const header = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
  const last = header
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  return local && last ? last : peer || 'unknown';
}

/**
 * Register the '/widget' Socket.IO namespace: a visitor presents the signed token its widget kept
 * (or gets a new one), receives its history on every (re)connection, sends messages that go
 * through the ingest, and reports which replies it displayed. Every payload is parsed with zod
 * and every visitor (and IP) is rate-limited.
 */
export function registerWidgetNamespace(ctx: ChannelHost): WidgetChannel {
  const { deps } = ctx;
  const secret = ctx.config.WIDGET_SECRET ?? ensureSecret(deps.db, WIDGET_SECRET_KEY);
  const now = deps.now;
  const perVisitor = new TokenBuckets(20, 0.5, now);
  const perIp = new TokenBuckets(120, 2, now);
  const newVisitors = new TokenBuckets(30, 0.2, now);
  const trustedProxy = addressMatcher(ctx.config.TRUST_PROXY, 'TRUST_PROXY');
  // The namespace shares the agent server's engine but has its own event map (declared in shared/widget.ts).
  const nsp = ctx.realtime.io.of('/widget') as unknown as WidgetNamespace;

  nsp.use((socket, next) => {
    const ip = clientIp(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], trustedProxy);
    const auth = (socket.handshake.auth ?? {}) as WidgetAuth;
    let visitor = verifyVisitorToken(secret, auth.token, now());
    if (!visitor) {
      if (!newVisitors.take(ip)) return next(new Error('too many new chats from this address, try again later'));
      visitor = issueVisitorToken(secret, now());
    }
    socket.data = { visitorId: visitor.visitorId, token: visitor.token, ip };
    next();
  });

  nsp.on('connection', (socket: WidgetSocket) => {
    const { visitorId, token, ip } = socket.data;
    void socket.join(visitorRoom(visitorId));
    try {
      socket.emit('widget.session', widgetSession(deps.db, visitorId, token));
    } catch (err) {
      console.error('[widget] could not load a session:', err);
      socket.disconnect(true);
      return;
    }

    socket.on('widget.send', (payload, ack) => {
      const answer = typeof ack === 'function' ? ack : () => undefined;
      const p = WidgetSendSchema.safeParse(payload);
      if (!p.success) return answer({ ok: false, error: p.error.issues[0]?.message ?? 'invalid message' });
      if (!perVisitor.take(visitorId) || !perIp.take(ip))
        return answer({ ok: false, error: 'you are sending messages too quickly; wait a moment' });
      try {
        const page =
          typeof socket.handshake.headers.referer === 'string' ? socket.handshake.headers.referer : undefined;
        const message = postVisitorMessage(deps, ctx.ingestHooks, parseVisitorMessage(visitorId, p.data, page));
        socket.to(visitorRoom(visitorId)).emit('widget.message', message);
        answer({ ok: true, message });
      } catch (err) {
        console.error('[widget] could not store a visitor message:', err);
        answer({ ok: false, error: 'your message could not be stored; please try again' });
      }
    });

    socket.on('widget.seen', (payload) => {
      const p = WidgetSeenSchema.safeParse(payload);
      if (!p.success || !perIp.take(ip)) return;
      try {
        markWidgetSeen(deps, visitorId, p.data.ids, p.data.open);
      } catch (err) {
        console.error('[widget] could not record read marks:', err);
      }
    });
  });

  return {
    deliver(visitorId, message) {
      const room = visitorRoom(visitorId);
      const live = (nsp.adapter.rooms.get(room)?.size ?? 0) > 0;
      if (live) nsp.to(room).emit('widget.message', toWidgetMessage(deps.db, message));
      return live;
    },
    close() {
      nsp.disconnectSockets(true);
      nsp.removeAllListeners();
    },
  };
}
