import type { Db } from '#server/db/connection';
import type { LoggedEvent } from '#shared/schemas/events';

/** A logged event together with the rooms it must reach. */
export interface RoutedEvent {
  event: LoggedEvent;
  rooms: string[];
}

/** Whoever delivers committed events to live clients (the realtime layer implements it). */
export interface EventPublisher {
  publish(events: RoutedEvent[]): void;
}

/** Read-only view of who is online, for auto-assignment and wait prediction. */
export interface PresenceView {
  onlineAgentIds(): number[];
}

/** Everything services need, passed in explicitly (no module-level state). */
export interface ServiceDeps {
  db: Db;
  publisher: EventPublisher;
  presence: PresenceView;
  /** Current time in ms; tests pass a fake clock. */
  now: () => number;
}

/** A publisher that drops events (scripts and tests that do not need realtime). */
export const nullPublisher: EventPublisher = { publish: () => undefined };

/** A presence view where nobody is online. */
export const nobodyOnline: PresenceView = { onlineAgentIds: () => [] };
