import type { ReactElement, ReactNode } from 'react';
import { render, within } from '@testing-library/react';
import { computeAccessibleName } from 'dom-accessibility-api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { vi } from 'vitest';
import type { LoggedEvent } from '#shared/schemas/events';
import type { Message } from '#shared/schemas/message';
import type { Episode, ThreadSummary } from '#shared/schemas/thread';
import type { Agent } from '#shared/schemas/agent';
import type { Customer } from '#shared/schemas/customer';
import type { RoutingExplain } from '#shared/schemas/routingExplain';
import { RealtimeContext, type RealtimeApi } from '#client/realtime/RealtimeProvider';
import { createPushedStore } from '#client/realtime/pushedStore';

/** A fresh QueryClient per test (no retries, no refetch on focus). */
export function newClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
  });
}

/** A stand-in live connection that records what the UI tells it. */
export function fakeRealtime(): RealtimeApi & {
  typing: Array<[number, boolean]>;
  viewed: Array<number | null>;
  listeners: Set<(e: LoggedEvent) => void>;
} {
  const listeners = new Set<(e: LoggedEvent) => void>();
  const typing: Array<[number, boolean]> = [];
  const viewed: Array<number | null> = [];
  return {
    connected: true,
    pushed: createPushedStore(),
    typing,
    viewed,
    listeners,
    viewThread: (id) => void viewed.push(id),
    setTyping: (id, on) => void typing.push([id, on]),
    setPresence: () => {},
    refreshCounts: () => {},
    onEvent: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

/** Render with a QueryClient and a fake realtime connection. */
export function renderWith(ui: ReactElement, qc = newClient(), rt = fakeRealtime()) {
  const wrap = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={qc}>
      <RealtimeContext.Provider value={rt}>{children}</RealtimeContext.Provider>
    </QueryClientProvider>
  );
  return { qc, rt, ...render(ui, { wrapper: wrap }) };
}

/** One recorded API call. */
export interface Call {
  method: string;
  path: string;
  body: unknown;
}
type Reply = { status?: number; json: unknown };
/** One canned answer: method, path pattern, and the reply (a body, or a Reply with a status). */
export type Route = [method: string, path: RegExp, reply: (call: Call) => Reply | unknown | Promise<Reply | unknown>];

/** Stub fetch with a tiny router (a route may answer later with a promise); unknown routes answer 404. Returns the calls made. */
export function mockApi(routes: Route[]): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const call: Call = {
      method: init.method ?? 'GET',
      path: String(input),
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    const route = routes.find(([m, re]) => m === call.method && re.test(call.path));
    const out: unknown = route
      ? await route[2](call)
      : { status: 404, json: { error: `no route ${call.method} ${call.path}` } };
    const reply: Reply = out && typeof out === 'object' && 'json' in out ? (out as Reply) : { json: out };
    return new Response(JSON.stringify(reply.json), {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return calls;
}

/** Test data builders. */
export const make = {
  agent: (id: number, name: string, extra: Partial<Agent> = {}): Agent => ({
    id,
    email: `${id}@t`,
    name,
    role: 'agent',
    locale: 'en',
    capacity: 5,
    asyncCapacity: null,
    languages: [],
    skills: [],
    active: true,
    presence: 'online',
    teamIds: [1],
    ...extra,
  }),
  thread: (id: number, extra: Partial<ThreadSummary> = {}): ThreadSummary => ({
    id,
    customer: { id, name: `Customer ${id}` },
    status: 'open',
    snoozedUntil: null,
    assigneeId: null,
    teamId: 1,
    priority: 'normal',
    waitingSince: Date.now() - 20 * 60_000 - 20_000,
    lastMessageAt: Date.now(),
    lastMessageId: id * 10,
    lastMessagePreview: `last words of ${id}`,
    lastInboundChannel: 'sms',
    channels: ['sms'],
    sentiment: null,
    currentEpisodeId: 1,
    sla: null,
    unreadCount: 0,
    ...extra,
  }),
  /** An open episode: no response, survey or mood yet. */
  episode: (id: number, number: number, extra: Partial<Episode> = {}): Episode => ({
    id,
    number,
    openedAt: 0,
    resolvedAt: null,
    firstResponseAt: null,
    assigneeId: null,
    surveyKind: null,
    surveyScore: null,
    sentimentStart: null,
    sentimentEnd: null,
    ...extra,
  }),
  message: (id: number, extra: Partial<Message> = {}): Message => ({
    id,
    threadId: 1,
    episodeId: 1,
    direction: 'inbound',
    channel: 'sms',
    identityId: 1,
    authorAgentId: null,
    text: `message ${id}`,
    html: null,
    subject: null,
    attachments: [],
    providerTs: null,
    receivedAt: 1_760_000_000_000 + id * 60_000,
    sortTs: 1_760_000_000_000 + id * 60_000,
    deliveryStatus: null,
    deliveryError: null,
    isAuto: false,
    sentiment: null,
    systemKind: null,
    waitedMs: null,
    clientId: null,
    ...extra,
  }),
  /** A routing explanation: auto-assigned round robin to a Thai speaker with 2 of 5 live chats. */
  routed: (threadId: number, agentId: number): RoutingExplain => ({
    threadId,
    teamId: 1,
    state: 'routed',
    agentId,
    actorId: null,
    at: 1,
    reason: {
      mode: 'roundRobin',
      language: 'th',
      fallback: false,
      skill: null,
      loadKind: 'live',
      load: 2,
      capacity: 5,
      vip: false,
      priority: 'normal',
    },
    wait: null,
    overflowedFromTeamId: null,
    text: '',
  }),
  customer: (extra: Partial<Customer> = {}): Customer => ({
    id: 1,
    name: 'Kasia Nowak',
    notes: '',
    tags: [],
    language: 'pl',
    timeZone: 'Europe/Warsaw',
    tier: null,
    mergedIntoId: null,
    createdAt: 1_700_000_000_000,
    identities: [
      {
        id: 1,
        channel: 'sms',
        address: '+48600100200',
        displayName: null,
        verified: true,
        lastInboundAt: 1_760_000_000_000,
      },
      {
        id: 2,
        channel: 'email',
        address: 'kasia@example.com',
        displayName: 'Kasia N.',
        verified: false,
        lastInboundAt: 1_750_000_000_000,
      },
    ],
    ...extra,
  }),
};

/** What a screen reader announces for each element of a role inside a container, in order. */
export function namesOf(container: HTMLElement, role: string): string[] {
  return within(container)
    .queryAllByRole(role)
    .map((e) => computeAccessibleName(e));
}

/** The visible text of an element with white space folded. */
export function textOf(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The value shown next to a term in a description list (e.g. "Language" → "Polish"). */
export function factOf(container: HTMLElement, term: string): string | null {
  const dt = [...container.querySelectorAll('dt')].find((d) => textOf(d) === term);
  const dd = dt?.nextElementSibling;
  return dd && dd.tagName === 'DD' ? textOf(dd) : null;
}
