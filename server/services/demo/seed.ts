import { eq, inArray } from 'drizzle-orm';
import type { ChannelKind } from '#shared/channels';
import type { Role } from '#shared/schemas/common';
import { agents, episodes, messages, outbox, threads } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import { createAgent, createTeam } from '#server/services/agents';
import { viewerOf } from '#server/services/auth';
import { nobodyOnline, nullPublisher, type ServiceDeps } from '#server/services/deps';
import { ingestInbound, type IngestHooks } from '#server/services/ingest';
import { addNote, writeOutbound } from '#server/services/replies';
import { setSetting } from '#server/services/settingsStore';
import { setThreadStatus } from '#server/services/threadOps';
import { transact } from '#server/services/tx';
import { CONVERSATIONS, type DemoLang } from './conversations';
import { PERSONAS, type Persona } from './personas';
import { configureDemoIntelligence } from './intelligence';
import { seedReportHistory } from './history';
import { prng } from './random';
import { seedDemoCanned } from './canned';

/** Demo-only password for every demo account (documented in the README). */
export const DEMO_PASSWORD = 'braid-demo-2026';

/** A demo login to print for the newcomer. */
export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
}

/** Address of a persona on a channel (fictional numbers and example.com addresses). */
function addressOn(p: Persona, channel: ChannelKind, i: number): string {
  if (channel === 'sms' || channel === 'whatsapp' || channel === 'voice') return p.phone;
  if (channel === 'email') return p.email;
  if (channel === 'line') return `U${(0xa1b2c3d4 + i).toString(16)}${'0'.repeat(24)}`.slice(0, 33);
  if (channel === 'telegram') return String(700_000_000 + i * 7919);
  if (channel === 'messenger' || channel === 'instagram') return String(5_000_000_000_000_000 + i * 104_729);
  return `demo-visitor-${i}`;
}

/**
 * Create the demo workspace on an empty database: two teams, one account per role (plus two
 * more agents), and ~50 customers with multi-channel, multi-episode histories in four languages.
 */
export async function seedDemoWorkspace(
  db: Db,
  now: number,
  hooks: IngestHooks = {},
): Promise<{ accounts: DemoAccount[] }> {
  const europe = createTeam(db, { name: 'Europe & Americas', autoAssign: false }, now);
  const asia = createTeam(db, { name: 'Asia Pacific', autoAssign: false }, now);
  setSetting(db, 'routing', { defaultTeamId: europe, byChannel: { line: asia, telegram: asia } });
  configureDemoIntelligence(db, europe, asia, now);
  const people: Array<{
    role: Role;
    email: string;
    name: string;
    teams: number[];
    locale: 'en' | 'th' | 'pl' | 'zh-CN';
  }> = [
    { role: 'agent', email: 'agent@demo.braid', name: 'Alex Agent', teams: [europe], locale: 'en' },
    { role: 'lead', email: 'lead@demo.braid', name: 'Lena Lead', teams: [europe, asia], locale: 'pl' },
    { role: 'supervisor', email: 'supervisor@demo.braid', name: 'Sam Supervisor', teams: [], locale: 'en' },
    { role: 'admin', email: 'admin@demo.braid', name: 'Ada Admin', teams: [europe, asia], locale: 'en' },
    { role: 'agent', email: 'nok@demo.braid', name: 'Nok Srisuk', teams: [asia], locale: 'th' },
    { role: 'agent', email: 'wei@demo.braid', name: 'Wei Zhang', teams: [asia], locale: 'zh-CN' },
  ];
  const ids: number[] = [];
  for (const p of people) {
    ids.push(
      await createAgent(
        db,
        {
          email: p.email,
          name: p.name,
          role: p.role,
          password: DEMO_PASSWORD,
          locale: p.locale,
          capacity: 12,
          teamIds: p.teams,
        },
        now,
      ),
    );
  }
  // Six weeks of resolved history from agents of different quality, so the reports say something real.
  const coached: Array<[string, number]> = [
    ['Olivia Quick', 0.95],
    ['Piotr Steady', 0.75],
    ['Maria Average', 0.55],
    ['Tom Patchy', 0.35],
    ['Sid Slow', 0.1],
  ];
  const historyAgents = [{ id: ids[0], quality: 0.65 }];
  for (const [name, quality] of coached) {
    const email = `${name.split(' ')[0].toLowerCase()}@demo.braid`;
    const id = await createAgent(
      db,
      { email, name, role: 'agent', password: DEMO_PASSWORD, locale: 'en', capacity: 12, teamIds: [europe] },
      now,
    );
    historyAgents.push({ id, quality });
  }
  seedReportHistory(db, { now, teamId: europe, agents: historyAgents, weeks: 6, perDay: 2, seed: 2026 });
  const responders: Record<DemoLang, number[]> = {
    en: [ids[0], ids[1]],
    pl: [ids[1], ids[0]],
    th: [ids[4]],
    zh: [ids[5]],
  };

  let clock = now;
  const deps: ServiceDeps = { db, publisher: nullPublisher, presence: nobodyOnline, now: () => clock };
  const rand = prng(2026);
  let msgN = 0;
  PERSONAS.forEach((p, i) => {
    const script = CONVERSATIONS[p.lang][i % CONVERSATIONS[p.lang].length];
    const duration = script.reduce((sum, s) => sum + ('gapMin' in s ? s.gapMin : 7), 0) * 60_000;
    const lag = Math.floor(rand() * 46 * 3_600_000) + 5 * 60_000;
    clock = now - duration - lag;
    let channel = p.channel;
    let threadId: number | null = null;
    const teamId = p.lang === 'th' || p.lang === 'zh' ? asia : europe;
    const agentId = responders[p.lang][i % responders[p.lang].length];
    const viewer = viewerOf(db, db.select().from(agents).where(eq(agents.id, agentId)).get()!);
    for (const step of script) {
      if ('gapMin' in step) {
        clock += step.gapMin * 60_000;
        continue;
      }
      clock += Math.floor(2 + rand() * 9) * 60_000;
      if ('c' in step) {
        channel = step.via ?? channel;
        const r = ingestInbound(
          deps,
          {
            channel,
            transport: 'demo',
            providerMessageId: `demo-${++msgN}`,
            from: {
              address: addressOn(p, channel, i),
              displayName: p.name,
              email: channel === 'webchat' ? p.email : undefined,
            },
            text: step.c,
            subject: channel === 'email' ? step.c.slice(0, 40) : undefined,
            attachments: [],
            providerTs: clock,
          },
          hooks,
        );
        threadId = r.threadId;
        db.update(threads).set({ teamId }).where(eq(threads.id, r.threadId)).run();
        if (r.status === 'stored') db.update(episodes).set({ teamId }).where(eq(episodes.id, r.episodeId)).run();
      } else if (threadId !== null && 'a' in step) {
        const tid = threadId;
        transact(deps, (tx, emit) => {
          const t = tx.select().from(threads).where(eq(threads.id, tid)).get()!;
          writeOutbound(tx, emit, deps, t, { text: step.a, authorAgentId: agentId });
        });
      } else if (threadId !== null && 'note' in step) {
        addNote(deps, viewer, threadId, { text: step.note });
      } else if (threadId !== null && 'resolve' in step) {
        setThreadStatus(deps, viewer, threadId, 'resolved');
      }
    }
  });
  // Demo replies were "delivered" long ago: close their outbox rows instead of sending them.
  const seeded = db
    .select({ id: outbox.messageId })
    .from(outbox)
    .all()
    .map((r) => r.id);
  if (seeded.length > 0) {
    db.update(outbox).set({ status: 'done' }).where(inArray(outbox.messageId, seeded)).run();
    db.update(messages).set({ deliveryStatus: 'read' }).where(inArray(messages.id, seeded)).run();
  }
  seedDemoCanned(db, now, null);
  return { accounts: people.slice(0, 4).map((p) => ({ role: p.role, email: p.email, password: DEMO_PASSWORD })) };
}
