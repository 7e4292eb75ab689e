import type { BusinessSchedule, Weekday } from '#shared/metrics/businessHours';
import type { SlaPolicyDto } from '#shared/schemas/metrics';
import type { Db } from '#server/db/connection';
import { createSlaPolicy } from '#server/services/sla';
import { updateTeamConfig } from '#server/services/teamConfig';

function weekdays(from: string, to: string, days: Weekday[]): BusinessSchedule['weekly'] {
  const weekly: BusinessSchedule['weekly'] = {};
  for (const d of days) weekly[d] = [[from, to]];
  return weekly;
}

/** The catch-all policy of the demo and bench workspaces: 2 h first reply, 4 h next, a day to resolve, in business hours. */
export const STANDARD_SLA_POLICY: Omit<SlaPolicyDto, 'id'> = {
  name: 'Standard',
  match: {},
  firstResponseMs: 2 * 3_600_000,
  nextResponseMs: 4 * 3_600_000,
  resolutionMs: 24 * 3_600_000,
  businessHours: true,
};

/** Demo business hours, automation and SLA policies, so badges and clocks have something to show. */
export function configureDemoIntelligence(db: Db, europe: number, asia: number, now: number): void {
  updateTeamConfig(db, europe, {
    businessHours: {
      timeZone: 'Europe/Warsaw',
      weekly: weekdays('08:00', '18:00', [1, 2, 3, 4, 5]),
      holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01'],
    },
    settings: { acknowledgement: { enabled: true, channels: [] }, survey: 'csat', sentimentThreshold: -0.4 },
  });
  updateTeamConfig(db, asia, {
    businessHours: {
      timeZone: 'Asia/Bangkok',
      weekly: weekdays('09:00', '19:00', [1, 2, 3, 4, 5, 6]),
      holidays: ['2026-12-05', '2026-12-10', '2026-12-31'],
    },
    settings: { acknowledgement: { enabled: true, channels: [] }, survey: 'nps', sentimentThreshold: -0.4 },
  });
  createSlaPolicy(
    db,
    {
      name: 'Urgent',
      match: { priorities: ['urgent'] },
      firstResponseMs: 15 * 60_000,
      nextResponseMs: 30 * 60_000,
      resolutionMs: 4 * 3_600_000,
      businessHours: false,
    },
    now,
  );
  createSlaPolicy(db, STANDARD_SLA_POLICY, now);
}
