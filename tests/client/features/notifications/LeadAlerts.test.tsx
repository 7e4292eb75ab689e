import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import type { Agent } from '#shared/schemas/agent';
import type { LoggedEvent } from '#shared/schemas/events';
import { LeadAlerts } from '#client/features/notifications/LeadAlerts';
import { make, renderWith } from '#tests/client/helpers/harness';

const person = (role: Agent['role']): Agent => make.agent(3, 'Lena Lead', { role, email: 'x@y.z' });
const emit = (rt: ReturnType<typeof renderWith>['rt'], e: LoggedEvent) =>
  act(() => rt.listeners.forEach((fn) => fn(e)));

describe('LeadAlerts', () => {
  it('shows leads a live alert when a thread sours or breaches its SLA, linking to the thread', () => {
    const { rt } = renderWith(<LeadAlerts me={person('lead')} />);
    emit(rt, { type: 'sentiment.alerted', seq: 10, threadId: 42, score: -0.71, threshold: -0.5 });
    emit(rt, {
      type: 'sla.alerted',
      seq: 11,
      threadId: 43,
      kind: 'first_response',
      fraction: 0.5,
      dueAt: 0,
      state: 'warning',
    });
    emit(rt, {
      type: 'sla.alerted',
      seq: 12,
      threadId: 43,
      kind: 'first_response',
      fraction: 1,
      dueAt: 0,
      state: 'breached',
    });
    const region = screen.getByRole('status', { name: 'Team alerts' });
    expect(region.textContent).toContain('#42 is getting upset (mood -0.71)');
    expect(region.textContent).toContain('#43: SLA target breached');
    expect(screen.getAllByRole('button', { name: 'Dismiss alert' })).toHaveLength(2); // the 50 % warning is not a toast
  });

  it('stays silent for agents', () => {
    const { rt } = renderWith(<LeadAlerts me={person('agent')} />);
    emit(rt, { type: 'sentiment.alerted', seq: 10, threadId: 42, score: -0.71, threshold: -0.5 });
    expect(screen.queryByRole('status', { name: 'Team alerts' })).toBeNull();
  });
});
