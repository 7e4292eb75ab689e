import type Database from 'better-sqlite3';
import { customerName, inboundText, replyText, type Lang } from '#scripts/bench/texts';
import type { Derived } from './derive';
import { IN, OUT } from './pattern';
import type { Plan } from './plan';
import { THREAD_STATUS } from './plan';
import { addressOf, CHANNELS, langOf, ZONES, type People } from './shape';
import { insertSql, threadRow } from './rows';
import { searchBody } from '#server/db/searchIndex';

const nul = (v: number) => (Number.isNaN(v) ? null : v);
const idOrNull = (v: number) => (v > 0 ? v : null);

/**
 * Write the planned workspace with statements prepared once, in a few big transactions: customers,
 * identities, threads (with the columns ingest and replies keep up to date), episodes, messages
 * in id order with their outbox rows, and read marks.
 */
export function writeWorkspace(
  db: Database.Database,
  p: Plan,
  d: Derived,
  people: People,
  log: (s: string) => void,
): void {
  const names = new Map<number, string>();
  for (const list of people.members.values()) for (const a of list) names.set(a.id, a.name);
  const ins = insertSql(db);
  const ch = (i: number) => CHANNELS[p.identityChannel[i]];

  db.transaction(() => {
    for (let c = 0; c < p.customers; c++) {
      const lang = langOf(c);
      const first = p.mTs[p.msgStart[c]];
      const last = p.mTs[p.msgStart[c + 1] - 1];
      ins.customer.run(c + 1, customerName(lang, c), lang, ZONES[lang], c % 10 === 0 ? 'vip' : null, first, last);
      for (let i = p.firstIdentity[c]; i < p.firstIdentity[c] + p.identityCount[c]; i++) {
        const a = addressOf(ch(i), c, lang);
        ins.identity.run(i + 1, c + 1, ch(i), a.address, customerName(lang, c), a.phone, a.email, first);
      }
    }
  })();
  log(`[workspace]   ${p.customers} customers and their identities written`);

  const lastInbound = new Float64Array(p.identityCustomer.length);
  db.transaction(() => {
    for (let c = 0; c < p.customers; c++) {
      const row = threadRow(p, d, c, ch);
      for (let j = p.msgStart[c]; j < p.msgStart[c + 1]; j++)
        if (p.mDir[j] === IN) lastInbound[p.mIdentity[j]] = Math.max(lastInbound[p.mIdentity[j]], p.mTs[j]);
      ins.thread.run(row);
      if (row.assignee_id !== null) {
        // Most assignees have read their thread to the end; some have unread messages left.
        const mark = c % 7 === 0 ? d.msgId[p.msgStart[c]] : (row.last_message_id ?? d.msgId[p.msgStart[c]]);
        ins.read.run(row.assignee_id, c + 1, mark);
      }
    }
    for (let i = 0; i < lastInbound.length; i++) if (lastInbound[i] > 0) ins.identityInbound.run(lastInbound[i], i + 1);
    for (const e of d.epOrder) writeEpisode(ins, p, d, e);
  })();
  log(`[workspace]   ${p.episodes} episodes and ${p.customers} threads written`);

  const batch = 100_000;
  for (let from = 0; from < p.messages; from += batch) {
    db.transaction(() => {
      for (let r = from; r < Math.min(p.messages, from + batch); r++) writeMessage(ins, p, d, d.msgOrder[r], names, ch);
    })();
    if ((from / batch) % 5 === 4) log(`[workspace]   ${Math.min(p.messages, from + batch)} messages written`);
  }
}

function writeEpisode(ins: ReturnType<typeof insertSql>, p: Plan, d: Derived, e: number): void {
  const c = p.epThread[e];
  const resolved = p.epResolved[e] === 1;
  // A CSAT survey on a third of resolved episodes, half of them answered an hour later.
  const csat = resolved && e % 3 === 0;
  const answered = csat && e % 2 === 0;
  ins.episode.run(
    d.epId[e],
    c + 1,
    p.epNumber[e],
    d.epOpened[e],
    resolved ? d.epResolvedAt[e] : null,
    resolved ? idOrNull(p.epAssignee[e]) : null,
    nul(d.epFirstResponse[e]),
    idOrNull(p.epAssignee[e]),
    p.team[c],
    nul(d.epSentimentStart[e]),
    nul(d.epSentimentEnd[e]),
    THREAD_STATUS[p.status[c]] === 'pending' && !resolved ? d.epOpened[e] : null,
    csat ? 'csat' : null,
    csat ? d.epResolvedAt[e] : null,
    answered ? 1 + (e % 5) : null,
    answered ? d.epResolvedAt[e] + 3_600_000 : null,
  );
}

function writeMessage(
  ins: ReturnType<typeof insertSql>,
  p: Plan,
  d: Derived,
  j: number,
  names: Map<number, string>,
  ch: (i: number) => string,
): void {
  const c = p.mThread[j];
  const lang: Lang = langOf(c);
  const id = d.msgId[j];
  const t = p.mTs[j];
  const ep = d.epId[p.mEpisode[j]];
  const identity = p.mIdentity[j];
  if (p.mDir[j] === IN) {
    const m = inboundText(lang, p.mSeed[j]);
    index(ins, id, 'inbound', m.text);
    const label = m.score < 0 ? 'negative' : m.score > 0 ? 'positive' : 'neutral';
    const channel = ch(identity);
    const meta = JSON.stringify({ transport: channel === 'email' ? 'smtp' : channel });
    ins.inbound.run(
      id,
      c + 1,
      ep,
      channel,
      identity + 1,
      m.text,
      `in-${id}`,
      t,
      t + 250,
      t,
      m.score,
      label,
      lang,
      meta,
    );
  } else if (p.mDir[j] === OUT) {
    const channel = ch(identity);
    const status = channel === 'email' ? 'sent' : id % 2 === 0 ? 'read' : 'delivered';
    const waited = Number.isNaN(d.waited[j]) ? null : d.waited[j];
    ins.outbound.run(
      id,
      c + 1,
      ep,
      channel,
      identity + 1,
      idOrNull(p.mAgent[j]),
      index(ins, id, 'outbound', replyText(lang, p.mSeed[j])),
      `out-${id}`,
      t,
      t,
      status,
      waited,
    );
    ins.outbox.run(id, id, channel, identity + 1, t, t, t + 1_000);
  } else {
    const actor = p.mAgent[j];
    const text = `${names.get(actor) ?? 'Someone'} set the status to resolved`;
    const meta = JSON.stringify({ actorId: actor || null, status: 'resolved', snoozedUntil: null });
    ins.system.run(id, c + 1, ep, text, t, t, meta);
  }
}

/** Index a message as Braid's ingest does (same tokens); returns the text for the insert. */
function index(ins: ReturnType<typeof insertSql>, id: number, direction: string, text: string): string {
  const body = searchBody({ id, direction, text });
  if (body !== null) ins.search.run(id, body);
  return text;
}
