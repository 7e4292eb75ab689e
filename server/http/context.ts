import type { Config } from '../config';
import type { ChannelContext, ChannelRegistry } from '../channels/types';
import type { Realtime } from '../realtime/socketServer';
import type { ServiceDeps } from '../services/deps';
import type { IngestHooks } from '../services/ingest';
import type { OutboxWorker } from '../services/outbox';
import type { SlaScheduler } from '../services/slaScheduler';

/** Everything routers need, assembled once by createApp. */
export interface AppContext {
  deps: ServiceDeps;
  config: Config;
  realtime: Realtime;
  outbox: OutboxWorker;
  registry: ChannelRegistry;
  channelCtx: ChannelContext;
  ingestHooks: IngestHooks;
  /** Pushes SLA warnings and breaches at the right instants. */
  sla: SlaScheduler;
}
