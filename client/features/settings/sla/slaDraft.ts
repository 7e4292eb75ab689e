import type { Priority } from '#shared/schemas/common';
import type { SlaPolicyDto } from '#shared/schemas/metrics';
import type { SlaPolicyInput } from '#client/api/slaPolicies';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A target as typed: an amount and its unit ('' = no target). */
export interface DurationDraft {
  amount: string;
  unit: 'minutes' | 'hours';
}

/** The SLA policy form. */
export interface SlaDraft {
  name: string;
  teamIds: number[];
  channels: string[];
  priorities: Priority[];
  tiers: string;
  firstResponse: DurationDraft;
  nextResponse: DurationDraft;
  resolution: DurationDraft;
  businessHours: boolean;
}

/** The three targets a policy can set, in the order they are shown. */
export const TARGETS = ['firstResponse', 'nextResponse', 'resolution'] as const;

/** Show whole hours in hours and anything else in minutes. */
export function durationDraftOf(ms: number | null): DurationDraft {
  if (ms === null) return { amount: '', unit: 'hours' };
  return ms % HOUR === 0
    ? { amount: String(ms / HOUR), unit: 'hours' }
    : { amount: String(Math.round(ms / MINUTE)), unit: 'minutes' };
}

/** Milliseconds of a typed target: null when empty, 'bad' unless a whole number above 0. */
export function msOf(d: DurationDraft): number | null | 'bad' {
  const text = d.amount.trim();
  if (text === '') return null;
  if (!/^\d+$/.test(text) || Number(text) <= 0) return 'bad';
  return Number(text) * (d.unit === 'hours' ? HOUR : MINUTE);
}

/** The form state for a policy (or a blank one). */
export function slaDraftOf(p?: SlaPolicyDto): SlaDraft {
  return {
    name: p?.name ?? '',
    teamIds: p?.match.teamIds ?? [],
    channels: p?.match.channels ?? [],
    priorities: p?.match.priorities ?? [],
    tiers: (p?.match.tiers ?? []).join(', '),
    firstResponse: durationDraftOf(p?.firstResponseMs ?? null),
    nextResponse: durationDraftOf(p?.nextResponseMs ?? null),
    resolution: durationDraftOf(p?.resolutionMs ?? null),
    businessHours: p?.businessHours ?? true,
  };
}

/** The request body, or null while a target is invalid. Empty criteria are left out: they match anything. */
export function slaInputOf(d: SlaDraft): SlaPolicyInput | null {
  const [firstResponseMs, nextResponseMs, resolutionMs] = TARGETS.map((k) => msOf(d[k]));
  if (firstResponseMs === 'bad' || nextResponseMs === 'bad' || resolutionMs === 'bad') return null;
  const tiers = [
    ...new Set(
      d.tiers
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const match: SlaPolicyInput['match'] = {};
  if (d.teamIds.length) match.teamIds = d.teamIds;
  if (d.channels.length) match.channels = d.channels;
  if (d.priorities.length) match.priorities = d.priorities;
  if (tiers.length) match.tiers = tiers;
  return { name: d.name.trim(), match, firstResponseMs, nextResponseMs, resolutionMs, businessHours: d.businessHours };
}
