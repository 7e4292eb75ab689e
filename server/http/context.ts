import type { Config } from '#server/config';
import type { ChannelContext, ChannelRegistry } from '#server/channels/types';
import type { Realtime } from '#server/realtime/socketServer';
import type { ServiceDeps } from '#server/services/deps';
import type { IngestHooks } from '#server/services/ingest';
import type { CommitGroup } from '#server/services/commitGroup';
import type { OutboxWorker } from '#server/services/outbox';
import type { ReaderPool } from '#server/services/readers/pool';
import type { RoutingScheduler } from '#server/services/routingScheduler';
import type { AlertMonitor } from '#server/services/alertMonitor';
import type { SlaScheduler } from '#server/services/slaScheduler';
import type { WebhookWorker } from '#server/services/webhooks/worker';
import type { RedisLink } from '#server/cluster/redis';

/** Everything routers need, assembled once by createApp. */
export interface AppContext {
  deps: ServiceDeps;
  config: Config;
  realtime: Realtime;
  outbox: OutboxWorker;
  registry: ChannelRegistry;
  channelCtx: ChannelContext;
  ingestHooks: IngestHooks;
  /** Group commit for provider webhooks (each answered after its own work is committed). */
  commits: CommitGroup;
  /** Pushes SLA warnings and breaches at the right instants. */
  sla: SlaScheduler;
  /** Routes teams' queues when capacity frees up and when fall-backs and overflows fall due. */
  routing: RoutingScheduler;
  /** Evaluates team alert rules after changes and periodically. */
  alerts: AlertMonitor;
  /** Sends outbound webhook deliveries (kicked by a manual retry). */
  webhooks: WebhookWorker;
  /** Runs reports and metrics on worker threads with their own read-only connection. */
  readers: ReaderPool;
  /** Redis shared by the nodes (REDIS_URL), for state that must hold whichever node a request reaches; null on one node. */
  redis: RedisLink | null;
}
