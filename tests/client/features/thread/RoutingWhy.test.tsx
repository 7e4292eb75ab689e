import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import i18n from 'i18next';
import type { RoutingExplain } from '#shared/schemas/routingExplain';
import { setLocale } from '#client/i18n';
import { ThreadView } from '#client/features/thread/ThreadView';
import { ThreadCommandsProvider } from '#client/features/keyboard/threadCommands';
import { applyEvent } from '#client/realtime/eventHandlers';
import { make, mockApi, renderWith, textOf } from '#tests/client/helpers/harness';

const lead = make.agent(1, 'Lena Lead', { role: 'lead' });
const somchai = make.agent(2, 'Somchai', { languages: ['th'] });
const kasia = make.agent(3, 'Kasia');
const teams = [
  { id: 1, name: 'Support', autoAssign: true, memberIds: [2, 3] },
  { id: 2, name: 'Overflow', autoAssign: true, memberIds: [] },
];
const NONE = { teamId: 1, actorId: null, at: null, reason: null, wait: null, overflowedFromTeamId: null, text: '' };
const ROUTED: RoutingExplain = make.routed(1, 2);

/** The thread API with a routing explanation that the test changes as the "server" would. */
function serve(explain: { now: RoutingExplain }) {
  const thread = make.thread(1, { customer: { id: 1, name: 'สมศรี' }, assigneeId: explain.now.agentId });
  return mockApi([
    ['GET', /^\/api\/threads\/1$/, () => ({ thread, customer: make.customer(), episodes: [] })],
    ['GET', /^\/api\/threads\/1\/messages/, () => ({ items: [], before: null })],
    ['GET', /^\/api\/agents/, () => ({ items: [lead, somchai, kasia] })],
    ['GET', /^\/api\/teams/, () => ({ items: teams })],
    ['GET', /^\/api\/canned-responses/, () => ({ items: [] })],
    ['GET', /^\/api\/customers\/1$/, () => ({ customer: make.customer(), threadId: 1, merges: [], suggestions: [] })],
    ['POST', /^\/api\/threads\/1\/read$/, () => ({ ok: true })],
    ['GET', /^\/api\/routing\/explain\/1$/, () => explain.now],
  ]);
}

const view = () => (
  <ThreadCommandsProvider>
    <ThreadView threadId={1} me={lead} panelOpen={false} togglePanel={() => {}} />
  </ThreadCommandsProvider>
);
const whyLine = () => document.querySelector('.routing-why');

afterEach(() => vi.unstubAllGlobals());

describe('why the thread is here', () => {
  it('says why routing chose the agent, and follows a reassignment pushed over the socket', async () => {
    const explain = { now: ROUTED };
    const calls = serve(explain);
    const { qc } = renderWith(view());
    await waitFor(() =>
      expect(textOf(whyLine()!)).toBe('Why here: Auto-assigned to Somchai: Thai speaker, 2 of 5 live chats'),
    );

    // The lead's colleague reassigns it: the server's event updates the thread, the line is read again.
    explain.now = { ...NONE, threadId: 1, state: 'manual', agentId: 3, actorId: 1, at: 2 };
    act(() =>
      applyEvent(
        qc,
        {
          type: 'thread.updated',
          seq: 9,
          reason: 'assigned',
          thread: make.thread(1, { customer: { id: 1, name: 'สมศรี' }, assigneeId: 3 }),
        },
        { myId: 1, openThreadId: 1 },
      ),
    );
    await waitFor(() => expect(textOf(whyLine()!)).toBe('Why here: Lena Lead assigned it to Kasia'));
    expect(calls.filter((c) => c.path === '/api/routing/explain/1')).toHaveLength(2);
  });

  it('words every reason: VIP, fall-back, channel skill, least loaded, async work, waiting with times, overflow', async () => {
    const at = new Date(2026, 11, 2, 14, 30).getTime();
    const explain = {
      now: {
        ...ROUTED,
        overflowedFromTeamId: 2,
        reason: {
          ...ROUTED.reason!,
          vip: true,
          fallback: true,
          skill: 'email',
          mode: 'leastLoaded',
          loadKind: 'async',
          load: 1,
          capacity: 1,
        },
      } satisfies RoutingExplain as RoutingExplain,
    };
    serve(explain);
    const { qc } = renderWith(view());
    await waitFor(() =>
      expect(textOf(whyLine()!)).toBe(
        'Why here: Moved here from Overflow after waiting unassigned. Auto-assigned to Somchai: VIP customer, no Thai speaker was free in time, Email skill, least loaded, 1 of 1 email/API thread',
      ),
    );
    explain.now = {
      ...NONE,
      threadId: 1,
      state: 'waiting',
      agentId: null,
      wait: { why: 'awaitingLanguage', language: 'th', fallbackAt: at, overflowAt: at + 600_000, overflowTeamId: 2 },
    };
    act(() =>
      applyEvent(
        qc,
        { type: 'thread.updated', seq: 9, reason: 'assigned', thread: make.thread(1, { assigneeId: null }) },
        { myId: 1, openThreadId: 1 },
      ),
    );
    await waitFor(() =>
      expect(textOf(whyLine()!)).toBe(
        'Why here: Waiting for a Thai speaker, anyone may take it from 2:30 PM, moves to Overflow at 2:40 PM',
      ),
    );
  });

  it('says nothing for a closed thread, and speaks Thai and Polish', async () => {
    const explain = { now: { ...NONE, threadId: 1, state: 'closed', agentId: null } as RoutingExplain };
    const calls = serve(explain);
    const { unmount, qc } = renderWith(view());
    await screen.findByRole('textbox', { name: 'Message' });
    // The explanation has arrived (and rendered) before the line is looked for.
    await waitFor(() =>
      expect(qc.getQueryCache().find({ queryKey: ['routingExplain', 1], exact: false })?.state.status).toBe('success'),
    );
    expect(calls.filter((c) => c.path === '/api/routing/explain/1')).toHaveLength(1);
    expect(whyLine()).toBeNull();
    unmount();

    explain.now = ROUTED;
    try {
      await setLocale('th');
      const th = renderWith(view());
      await waitFor(() => expect(textOf(whyLine()!)).toBe('เหตุผล: มอบหมายอัตโนมัติให้ Somchai: พูดภาษาไทย · แชตสด 2 จาก 5'));
      th.unmount();
      await setLocale('pl');
      explain.now = { ...ROUTED, reason: { ...ROUTED.reason!, load: 3, capacity: 4 } };
      renderWith(view());
      await waitFor(() =>
        expect(textOf(whyLine()!)).toBe(
          'Dlaczego tutaj: Przypisano automatycznie – Somchai: zna język tajski, 3 z 4 czatów na żywo',
        ),
      );
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
