import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { agentTeams } from '#server/db/schema';
import { createChannelRegistry } from '#server/channels/registry';
import type { ChannelContext } from '#server/channels/types';
import { loadConfig } from '#server/config';
import type { Viewer } from '#server/domain/access';
import type { BusinessSchedule } from '#shared/metrics/businessHours';
import type { ChannelKind } from '#shared/channels';
import { ingestInbound } from '#server/services/ingest';
import { intelligenceHooks } from '#server/services/intelligence';
import { OutboxWorker } from '#server/services/outbox';
import { addNote, replyToThread } from '#server/services/replies';
import { updateTeamConfig } from '#server/services/teamConfig';
import { changeThreadStatus, setThreadTeam } from '#server/services/threadOps';
import { inbound, makeAgent, makeTeam, routeNewThreadsTo } from '#tests/factories';
import { testDeps, tempDb } from '#tests/helpers/db';
import { startRecorder, type Recorder } from '#tests/helpers/recorder';
import { channelEnv } from '#tests/server/channels/webhookHelpers';

/** The hand-counted scenario (tests/fixtures/metrics/hand-count.json), as written by its author. */
export interface HandCount {
  teams: Record<
    string,
    {
      name: string;
      timeZone: string;
      weekly: BusinessSchedule['weekly'];
      holidays: string[];
      acknowledgement: boolean;
      survey: 'csat' | 'none';
    }
  >;
  agents: Record<string, { teams: string[]; role?: string }>;
  threads: Array<{
    id: string;
    events: Array<{
      utc: string;
      do: string;
      channel?: ChannelKind;
      providerUtc?: string;
      text?: string;
      agent?: string;
      send?: string;
    }>;
    expect: Array<Record<string, unknown> & { episode: number }>;
  }>;
  aggregates: {
    range: [string, string];
    agents: Record<string, Record<string, unknown>>;
    teams: Record<string, Record<string, unknown>>;
  };
}

/** Read the fixture. */
export function loadHandCount(): HandCount {
  return JSON.parse(readFileSync('tests/fixtures/metrics/hand-count.json', 'utf8')) as HandCount;
}

const REFUSED = { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' };

/**
 * Play the scenario through the real services on a real SQLite file: ingest with the intelligence
 * hooks (acknowledgement, survey answers), replies delivered by the outbox through the real channel
 * adapters to real local stand-ins (an HTTP recorder for Telegram and LINE, an SMTP server for
 * email), notes, resolves (which send the survey) and a move between teams.
 */
export async function playHandCount(fx: HandCount) {
  const t = tempDb();
  const { deps, clock } = testDeps(t.db);
  const rec: Recorder = await startRecorder();
  const smtp = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    logger: false,
    onData: (s, _x, cb) => s.on('data', () => undefined).on('end', () => cb()),
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  let refuseNext = false;
  let sent = 0;
  rec.respond((call) => {
    if (call.path.endsWith('/sendMessage') && refuseNext) {
      refuseNext = false;
      return { status: 403, json: REFUSED };
    }
    const chatId = (JSON.parse(call.body || '{}') as { chat_id?: string }).chat_id;
    if (call.path.endsWith('/sendMessage'))
      return { json: { ok: true, result: { message_id: ++sent, chat: { id: chatId } } } };
    return { json: { sentMessages: [{ id: `line-${++sent}`, quoteToken: 'q' }] } };
  });
  const config = loadConfig(
    channelEnv({
      DATA_DIR: t.dir,
      DEMO: '0',
      TELEGRAM_API_BASE: rec.url,
      LINE_API_BASE: rec.url,
      SMTP_FROM: 'support@braid.example.com',
    }),
  );
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
  const ctx: ChannelContext = {
    config,
    db: t.db,
    fetch,
    now: deps.now,
    sendMail: async (mail) => ({ messageId: ((await transport.sendMail(mail)) as { messageId: string }).messageId }),
  };
  const registry = createChannelRegistry();
  const outbox = new OutboxWorker(deps, (job) => registry[job.identity.channel].send(job, ctx), { maxAttempts: 1 });
  const hooks = intelligenceHooks(deps, () => undefined);

  const teamIds: Record<string, number> = {};
  for (const [key, team] of Object.entries(fx.teams)) {
    teamIds[key] = makeTeam(t.db, { name: team.name });
    updateTeamConfig(t.db, teamIds[key], {
      businessHours: { timeZone: team.timeZone, weekly: team.weekly, holidays: team.holidays },
      settings: { acknowledgement: { enabled: team.acknowledgement }, survey: team.survey },
    });
  }
  routeNewThreadsTo(t.db, teamIds.A);
  const viewers: Record<string, Viewer> = {};
  for (const [key, a] of Object.entries(fx.agents)) {
    const role = a.role === 'admin' ? 'admin' : 'agent';
    const { id } = makeAgent(t.db, { name: key, role });
    for (const team of a.teams) t.db.insert(agentTeams).values({ agentId: id, teamId: teamIds[team] }).run();
    viewers[key] = { id, role, teamIds: a.teams.map((x) => teamIds[x]) };
  }

  const threadIds: Record<string, number> = {};
  const steps = fx.threads
    .flatMap((th) => th.events.map((e) => ({ th: th.id, e })))
    .sort((a, b) => Date.parse(a.e.utc) - Date.parse(b.e.utc));
  for (const { th, e } of steps) {
    clock.now = Date.parse(e.utc);
    const tid = () => threadIds[th];
    if (e.do === 'inbound') {
      const address = `${th.toLowerCase()}-customer${e.channel === 'email' ? '@example.com' : ''}`;
      const extra = {
        providerTs: Date.parse(e.providerUtc as string),
        ...(e.channel === 'telegram' ? { replyFacts: { chatId: address } } : {}),
        ...(e.channel === 'email' ? { subject: 'Faktura', meta: { messageId: `<${th}@example.com>` } } : {}),
      };
      const r = ingestInbound(deps, inbound(e.channel as ChannelKind, address, e.text as string, extra), hooks);
      threadIds[th] = r.threadId;
    } else if (e.do === 'reply') {
      refuseNext = (e.send ?? '').startsWith('refused');
      replyToThread(deps, viewers[e.agent as string], tid(), { text: `Reply by ${e.agent}` });
    } else if (e.do === 'note') {
      addNote(deps, viewers[e.agent as string], tid(), { text: 'internal note' });
    } else if (e.do === 'resolve') {
      changeThreadStatus(deps, viewers[e.agent as string], tid(), 'resolved', undefined, () => undefined);
    } else if (e.do.startsWith('move thread to team ')) {
      setThreadTeam(deps, viewers[e.agent as string], tid(), teamIds[e.do.slice(-1)]);
    } else if (!e.do.startsWith('acknowledgement')) {
      throw new Error(`the fixture has a step this test does not know: ${e.do}`);
    }
    // Whatever was queued (reply, acknowledgement, survey question) is sent now, at this instant.
    outbox.start();
    await outbox.stop();
  }
  return {
    db: t.db,
    deps,
    teamIds,
    viewers,
    threadIds,
    async close() {
      transport.close();
      await rec.close();
      await new Promise<void>((r) => smtp.close(() => r()));
      t.cleanup();
    },
  };
}
