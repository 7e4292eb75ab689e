import { alertStatements } from '#server/db/alertStatements';
import type { RoutedEvent, ServiceDeps } from './deps';
import { evaluateTeamAlerts } from './teamAlerts';

/** How long touched teams are gathered before their rules are evaluated (ms). */
export const ALERT_GATHER_MS = 10;
/** How often every team with rules is checked for conditions time alone changes (ms). */
export const ALERT_CHECK_MS = 30_000;

/**
 * Evaluates team alert rules. Committed events name the teams they touched (`team:N` rooms), so
 * each event costs a set insertion; a few ms later each touched team is evaluated once from its
 * maintained tallies and index seeks. A periodic check (like the SLA scheduler's timer) catches
 * what changes with time alone: the oldest wait growing, breaches and sentiment drops leaving
 * the last hour.
 */
export class AlertMonitor {
  private readonly teams = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private interval: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly checkMs = ALERT_CHECK_MS,
    private readonly gatherMs = ALERT_GATHER_MS,
  ) {}

  /** Start the periodic check (and run it once now). */
  start(): void {
    this.running = true;
    this.checkAll();
    this.interval = setInterval(() => this.checkAll(), this.checkMs);
    this.interval.unref();
  }

  /** Stop both timers. */
  stop(): void {
    this.running = false;
    this.teams.clear();
    if (this.timer) clearTimeout(this.timer);
    if (this.interval) clearInterval(this.interval);
    this.timer = this.interval = null;
  }

  /** Note the teams committed events touched (the rooms say which, no payload is read); nothing once stopped. */
  onEvents(events: readonly RoutedEvent[]): void {
    if (!this.running) return;
    for (const { rooms } of events)
      for (const room of rooms) if (/^team:\d+$/.test(room)) this.teams.add(Number(room.slice(5)));
    if (this.teams.size > 0) this.timer ??= setTimeout(() => this.flush(), this.gatherMs);
  }

  /** Evaluate the teams touched since the last flush. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const teams = [...this.teams];
    this.teams.clear();
    for (const t of teams) this.evaluate(t);
  }

  /** Evaluate every team that has rules or an open crossing (time-based conditions). */
  checkAll(): void {
    for (const t of alertStatements(this.deps.db).teamsToCheck.all()) this.evaluate(t);
  }

  /** One team; a failure is logged and does not stop the others (this runs on timers). */
  private evaluate(teamId: number): void {
    try {
      evaluateTeamAlerts(this.deps, teamId);
    } catch (err) {
      console.error(`team alerts of team ${teamId} not evaluated`, err);
    }
  }
}
