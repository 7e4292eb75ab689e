import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Alert } from '#shared/schemas/alerts';
import { AlertsPanel } from '#client/features/board/AlertsPanel';
import { LeadAlerts } from '#client/features/notifications/LeadAlerts';
import { make, mockApi, renderWith } from '#tests/client/helpers/harness';

const NOW = Date.now();
const alert = (id: number, extra: Partial<Alert> = {}): Alert => ({
  id,
  teamId: 1,
  teamName: 'Support',
  kind: 'waiting_count',
  threshold: 5,
  value: 7,
  firedAt: NOW - 60_000,
  clearedAt: null,
  ackedAt: null,
  ackedById: null,
  ackedByName: null,
  ...extra,
});

afterEach(() => vi.unstubAllGlobals());

describe('AlertsPanel', () => {
  it('shows the badge and history, acknowledges an open alert, and saves the team rules', async () => {
    let items = [
      alert(2),
      alert(1, {
        kind: 'oldest_wait_minutes',
        value: 12,
        threshold: 10,
        ackedAt: NOW,
        ackedById: 3,
        ackedByName: 'Lena',
      }),
    ];
    const calls = mockApi([
      ['GET', /^\/api\/alerts$/, () => ({ items })],
      [
        'POST',
        /^\/api\/alerts\/2\/ack$/,
        () => {
          items = [{ ...items[0], ackedAt: NOW, ackedById: 3, ackedByName: 'Lena' }, items[1]];
          return items[0];
        },
      ],
      [
        'GET',
        /^\/api\/teams\/1\/alert-rules$/,
        () => ({ rules: [{ kind: 'waiting_count', threshold: 5, enabled: true }] }),
      ],
      ['PUT', /^\/api\/teams\/1\/alert-rules$/, (c) => c.body],
    ]);
    renderWith(<AlertsPanel teamId={1} />);
    expect((await screen.findByText('1 to acknowledge')).textContent).toBe('1 to acknowledge');
    expect(screen.getAllByText(/7 customers waiting \(limit 5\)/).length).toBeGreaterThan(0);
    expect(screen.queryByText(/acknowledged by Lena/)).not.toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /Acknowledge/ }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /Acknowledge/ })).toBeNull());
    expect(screen.queryByText(/to acknowledge/)).toBeNull(); // no badge once nothing waits
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/alerts/2/ack')).toBe(true);

    const longest = screen.getByRole('checkbox', { name: /Longest wait above/ });
    await userEvent.click(longest);
    const box = screen.getByRole('spinbutton', { name: /Threshold: Longest wait above/ });
    await userEvent.type(box, '15');
    await userEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      rules: [
        { kind: 'waiting_count', enabled: true, threshold: 5 },
        { kind: 'oldest_wait_minutes', enabled: true, threshold: 15 },
      ],
    });
  });

  it('a fired team alert shows leads a toast linking to the team board', () => {
    const { rt } = renderWith(<LeadAlerts me={make.agent(3, 'Lena', { role: 'lead', teamIds: [1] })} />);
    act(() => rt.listeners.forEach((fn) => fn({ type: 'alert.fired', seq: 9, alert: alert(4) })));
    expect(screen.queryByRole('button', { name: 'Support: 7 customers waiting (limit 5)' })).not.toBeNull();
  });
});
