import express, { type Express } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config';
import type { Db } from './db/connection';
import { createChannelRegistry } from './channels/registry';
import type { ChannelContext, ChannelRegistry } from './channels/types';
import { requireAuth, requireRole } from './http/authMiddleware';
import type { AppContext } from './http/context';
import { errorHandler, notFoundHandler } from './http/errors';
import { HttpError } from './errors';
import { sameOrigin } from './http/origin';
import { refusalLimiter } from './http/refusalLimit';
import { adminRoutes } from './http/routes/adminRoutes';
import { apiChannelRoutes } from './http/routes/apiChannelRoutes';
import { authRoutes } from './http/routes/authRoutes';
import { customerRoutes } from './http/routes/customerRoutes';
import { eventRoutes } from './http/routes/eventRoutes';
import { sentimentRoutes } from './http/routes/sentimentRoutes';
import { threadRoutes } from './http/routes/threadRoutes';
import { threadCountRoutes } from './http/routes/threadCountRoutes';
import { cannedRoutes } from './http/routes/cannedRoutes';
import { webhookRouter } from './channels/webhooks';
import { publicChannelRoutes } from './http/routes/publicChannelRoutes';
import { startChannelListeners, type ChannelListeners } from './channels/listeners';
import { createRealtime, type Realtime } from './realtime/socketServer';
import type { EventPublisher, ServiceDeps } from './services/deps';
import { SlaScheduler } from './services/slaScheduler';
import { RoutingScheduler } from './services/routingScheduler';
import { AlertMonitor } from './services/alertMonitor';
import { alertRoutes } from './http/routes/alertRoutes';
import { intelligenceHooks } from './services/intelligence';
import { routingRoutes } from './http/routes/routingRoutes';
import { metricsRoutes } from './http/routes/metricsRoutes';
import { reportRoutes } from './http/routes/reportRoutes';
import { reviewRoutes } from './http/routes/reviewRoutes';
import { scorecardRoutes } from './http/routes/scorecardRoutes';
import { slaPolicyRoutes } from './http/routes/slaPolicyRoutes';
import { teamConfigRoutes } from './http/routes/teamConfigRoutes';
import { uploadRoutes } from './http/routes/uploadRoutes';
import { mediaRoutes } from './http/routes/mediaRoutes';
import { searchRoutes } from './http/routes/searchRoutes';
import { auditRoutes } from './http/routes/auditRoutes';
import { exportRoutes } from './http/routes/exportRoutes';
import { liveRoutes } from './http/routes/liveRoutes';
import { monitorRoutes } from './http/routes/monitorRoutes';
import type { IngestHooks } from './services/ingest';
import { CommitGroup } from './services/commitGroup';
import { OUTBOX_DEFAULTS, OutboxWorker, type OutboxOptions } from './services/outbox';
import { WebhookWorker } from './services/webhooks/worker';
import { webhookRoutes } from './http/routes/webhookRoutes';
import { wakeSnoozedThreads } from './services/threadOps';
import { createGuardedFetch } from './channels/kit/guardedFetch';
import { ReaderPool } from './services/readers/pool';
import { LoopDelay } from './http/loopDelay';
import { createRedisLink, type RedisLink } from './cluster/redis';
import { healthRoutes } from './http/routes/healthRoutes';
import { createDrain } from './http/drain';

/** What createApp needs from the outside world. */
export interface AppDeps {
  config: Config;
  db: Db;
  now?: () => number;
  outbox?: Partial<OutboxOptions>;
  /** Directory of the built client; served when it exists. */
  clientDir?: string;
  registry?: ChannelRegistry;
  /** Start the report workers with the server (boot does; tests start them on the first report). */
  warmReaders?: boolean;
  /** How often team alert rules are checked for time-based conditions (ms; tests shorten it). */
  alertCheckMs?: number;
  /** Test hook: hosts whose customer media may be fetched although they are not public (a loopback test server). */
  mediaAllowHosts?: (host: string) => boolean;
  /** Redis link to share (tests); by default one is made from REDIS_URL when it is set, and closed with the app. */
  redis?: RedisLink;
}

/** A running Braid instance. */
export interface BraidApp {
  app: Express;
  server: Server;
  realtime: Realtime;
  outbox: OutboxWorker;
  ctx: AppContext;
  /** Start listening and background work; resolves with the bound port. */
  listen(port: number, host?: string): Promise<number>;
  /** The Redis link when REDIS_URL is set (several nodes), else null. */
  redis: RedisLink | null;
  /**
   * Shut down gracefully: stop taking work (readiness answers 503, new requests 503), close sockets so
   * clients reconnect elsewhere, let requests in flight finish (a webhook is answered after its commit),
   * then stop the workers (an outbox send in flight completes) and close Redis. Idempotent.
   */
  close(): Promise<void>;
}

/** Build the Express app, Socket.IO server and workers. No side effects until listen(). */
export function createApp(d: AppDeps): BraidApp {
  const now = d.now ?? Date.now;
  const app = express();
  const server = createServer(app);
  const redis = d.redis ?? (d.config.REDIS_URL ? createRedisLink(d.config.REDIS_URL, d.config.REDIS_PREFIX) : null);
  const cluster = redis ? { redis, presenceTtlMs: d.config.PRESENCE_TTL_MS } : undefined;
  const realtime = createRealtime(server, d.db, now, d.config.PUBLIC_URL, cluster);
  // Committed events go to live sockets and to the SLA scheduler (which re-plans touched threads).
  const listeners: EventPublisher[] = [realtime.publisher];
  const publisher: EventPublisher = { publish: (events) => listeners.forEach((l) => l.publish(events)) };
  const deps: ServiceDeps = { db: d.db, publisher, presence: realtime.presence, now };
  const sla = new SlaScheduler(deps);
  listeners.push({ publish: (events) => sla.onEvents(events) });
  const routing = new RoutingScheduler(deps);
  listeners.push({ publish: (events) => routing.onEvents(events) });
  realtime.onPresence((agentIds) => routing.onAgents(agentIds));
  const alerts = new AlertMonitor(deps, d.alertCheckMs);
  listeners.push({ publish: (events) => alerts.onEvents(events) });
  const registry = d.registry ?? createChannelRegistry();
  const channelCtx: ChannelContext = { config: d.config, db: d.db, fetch: createGuardedFetch(d.config), now };
  // The outbox knows nothing of channels: it is handed one function that sends through the registry.
  const outbox = new OutboxWorker(
    deps,
    (job) => registry[job.identity.channel].send(job, channelCtx),
    d.outbox,
    (job) => registry[job.identity.channel].reconcile?.(job, channelCtx) ?? Promise.resolve(null),
  );
  const webhooks = new WebhookWorker(deps, channelCtx.fetch, { ...OUTBOX_DEFAULTS, ...d.outbox });
  const ingestHooks: IngestHooks = intelligenceHooks(deps, () => outbox.kick());
  const ctx: AppContext = {
    deps,
    config: d.config,
    realtime,
    outbox,
    registry,
    channelCtx,
    ingestHooks,
    commits: new CommitGroup(deps),
    sla,
    routing,
    alerts,
    webhooks,
    readers: new ReaderPool(d.db, d.config.REPORT_WORKERS),
    redis,
  };

  app.disable('x-powered-by');
  // Forwarded headers are believed only from configured proxies, or anyone could pick their address.
  const proxies = d.config.TRUST_PROXY.split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  app.set('trust proxy', proxies.length > 0 ? proxies : false);
  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Referrer-Policy', 'same-origin');
    next();
  });
  const drain = createDrain();
  app.use(healthRoutes({ db: d.db, redis, draining: () => drain.draining }));
  app.use(drain.middleware);

  const json = express.json({ limit: d.config.BODY_LIMIT });
  const refusals = [
    refusalLimiter(d.config.PUBLIC_REFUSAL_LIMIT, Date.now, redis, 'webhooks'),
    refusalLimiter(d.config.PUBLIC_REFUSAL_LIMIT, Date.now, redis, 'api'),
  ];
  app.use('/webhooks', refusals[0], webhookRouter(ctx, registry));
  app.use(uploadRoutes(ctx));
  app.use(publicChannelRoutes(ctx));
  app.use('/api/channels/api', refusals[1], json, apiChannelRoutes(ctx));
  app.use('/api/auth', json, authRoutes(ctx));
  const agentApi = express.Router();
  agentApi.use((req, _res, next) => {
    // Cookie-authenticated mutations must come from our own pages (CSRF defence in depth).
    if (req.method !== 'GET' && !sameOrigin(req.headers, d.config.PUBLIC_URL)) {
      return next(new HttpError(403, 'cross-origin request refused'));
    }
    next();
  });
  agentApi.use(json, requireAuth(d.db, now));
  agentApi.use(metricsRoutes(ctx), slaPolicyRoutes(ctx), teamConfigRoutes(ctx), mediaRoutes(ctx, d.mediaAllowHosts));
  agentApi.use(routingRoutes(ctx), alertRoutes(ctx), monitorRoutes(ctx));
  agentApi.use(
    threadCountRoutes(ctx),
    cannedRoutes(ctx),
    threadRoutes(ctx),
    sentimentRoutes(ctx),
    customerRoutes(ctx),
    adminRoutes(ctx),
    eventRoutes(ctx),
    searchRoutes(ctx),
    auditRoutes(ctx),
    exportRoutes(ctx),
    webhookRoutes(ctx),
    liveRoutes(ctx),
  );
  agentApi.use(reportRoutes(ctx), reviewRoutes(ctx), scorecardRoutes(ctx));
  // The server's event-loop delay since the last read (?reset=1 starts a new window): the bench reads it around a report.
  const loop = new LoopDelay();
  agentApi.get('/debug/event-loop', requireRole('supervisor'), (req, res) => {
    res.json(loop.read(req.query.reset === '1'));
  });
  app.use('/api', agentApi);
  app.use('/api', notFoundHandler);

  const clientDir = d.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/|webhooks\/|socket\.io\/).*/, (_req, res) => {
      res.set('Cache-Control', 'no-cache');
      res.set(
        'Content-Security-Policy',
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      );
      res.sendFile(join(clientDir, 'index.html'));
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler);

  let snoozeTimer: NodeJS.Timeout | null = null;
  let channels: ChannelListeners | null = null;
  let closing: Promise<void> | null = null;
  const stopWork = async () => {
    if (snoozeTimer) clearInterval(snoozeTimer);
    snoozeTimer = null;
    sla.stop();
    loop.stop();
    routing.stop();
    alerts.stop();
    // Deliveries already handed to a provider finish (and are recorded); nothing new starts.
    await outbox.stop();
    await webhooks.stop();
    await ctx.readers.close();
  };
  return {
    app,
    server,
    realtime,
    outbox,
    ctx,
    redis,
    async listen(port, host = '127.0.0.1') {
      if (redis) {
        await redis.connect();
        await realtime.start();
        await Promise.all(refusals.map((r) => r.start()));
      }
      const bound = await new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
      channels = await startChannelListeners(ctx, registry);
      outbox.start();
      webhooks.start();
      sla.start();
      alerts.start();
      loop.start();
      if (d.warmReaders) ctx.readers.start();
      routing.start();
      // Woken in turns of at most 10 ms: after downtime many snoozes may have ended at once.
      const wake = () => {
        if (snoozeTimer && wakeSnoozedThreads(deps, 10).more) setImmediate(wake);
      };
      snoozeTimer = setInterval(wake, 5_000);
      return bound;
    },
    close() {
      closing ??= (async () => {
        drain.begin();
        await channels?.close();
        realtime.disconnectAll();
        await drain.closeServer(server, d.config.SHUTDOWN_TIMEOUT_MS);
        // Work the last requests queued for the next turn (a group commit) runs before the workers stop.
        await new Promise((resolve) => setImmediate(resolve));
        await stopWork();
        await realtime.close();
        if (!d.redis) await redis?.close();
      })();
      return closing;
    },
  };
}
