import type Database from 'better-sqlite3';
import { inboundText, replyText } from '#scripts/bench/texts';
import type { Derived } from './derive';
import { IN, OUT } from './pattern';
import { THREAD_STATUS, type Plan } from './plan';
import { langOf } from './shape';

/** Statements the writer prepares once (column names as in server/db/tables). */
export function insertSql(db: Database.Database) {
  return {
    customer:
      db.prepare(`insert into customers (id, name, notes, tags, language, time_zone, tier, created_at, updated_at)
      values (?, ?, '', '[]', ?, ?, ?, ?, ?)`),
    identity:
      db.prepare(`insert into identities (id, customer_id, channel, address, display_name, phone, email, verified,
      meta, created_at) values (?, ?, ?, ?, ?, ?, ?, 0, '{}', ?)`),
    identityInbound: db.prepare('update identities set last_inbound_at = ? where id = ?'),
    episode:
      db.prepare(`insert into episodes (id, thread_id, number, opened_at, resolved_at, resolved_by, first_response_at,
      assignee_id, team_id, sentiment_start, sentiment_end, paused_since, survey_kind, survey_sent_at, survey_score,
      survey_answered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    thread: db.prepare(`insert into threads (id, customer_id, status, snoozed_until, assignee_id, team_id, priority,
      current_episode_id, waiting_since, last_agent_reply_at, last_inbound_at, last_message_at, last_message_id,
      last_message_preview, last_inbound_channel, last_inbound_identity_id, channels, last_sentiment_score,
      last_sentiment_label, created_at, updated_at) values (@id, @customer_id, @status, @snoozed_until, @assignee_id,
      @team_id, @priority, @current_episode_id, @waiting_since, @last_agent_reply_at, @last_inbound_at, @last_message_at,
      @last_message_id, @last_message_preview, @last_inbound_channel, @last_inbound_identity_id, @channels,
      @last_sentiment_score, @last_sentiment_label, @created_at, @updated_at)`),
    read: db.prepare('insert into thread_reads (agent_id, thread_id, last_read_message_id) values (?, ?, ?)'),
    inbound: db.prepare(`insert into messages (id, thread_id, episode_id, direction, channel, identity_id, text,
      attachments, provider_message_id, provider_ts, received_at, sort_ts, is_auto, sentiment_score, sentiment_label,
      language, meta) values (?, ?, ?, 'inbound', ?, ?, ?, '[]', ?, ?, ?, ?, 0, ?, ?, ?, ?)`),
    outbound:
      db.prepare(`insert into messages (id, thread_id, episode_id, direction, channel, identity_id, author_agent_id,
      text, attachments, provider_message_id, received_at, sort_ts, delivery_status, is_auto, waited_ms, meta)
      values (?, ?, ?, 'outbound', ?, ?, ?, ?, '[]', ?, ?, ?, ?, 0, ?, '{}')`),
    outbox: db.prepare(`insert into outbox (id, message_id, channel, identity_id, status, attempts, next_attempt_at,
      created_at, updated_at) values (?, ?, ?, ?, 'done', 1, ?, ?, ?)`),
    /** The search index (migration 0003): Braid writes it in the message's own transaction. */
    search: db.prepare('insert into message_search (rowid, body) values (?, ?)'),
    system:
      db.prepare(`insert into messages (id, thread_id, episode_id, direction, text, attachments, received_at, sort_ts,
      is_auto, system_kind, meta) values (?, ?, ?, 'system', ?, '[]', ?, ?, 0, 'status', ?)`),
  };
}

/** Braid's inbox preview: trimmed, one line, at most 140 code points. */
export function preview(text: string): string {
  const chars = [...text.trim().replace(/\s+/g, ' ')];
  return chars.length > 140 ? `${chars.slice(0, 139).join('')}…` : chars.join('');
}

/** A thread row with the derived columns ingest and replies maintain (last message, waiting clock, …). */
export function threadRow(p: Plan, d: Derived, c: number, ch: (identity: number) => string) {
  const lang = langOf(c);
  const status = THREAD_STATUS[p.status[c]];
  let lastVisible = -1;
  let lastIn = -1;
  let lastReply = Number.NaN;
  let waiting = Number.NaN;
  const channels: string[] = [];
  for (let j = p.msgStart[c]; j < p.msgStart[c + 1]; j++) {
    if (p.mDir[j] === IN) {
      lastIn = j;
      if (Number.isNaN(waiting)) waiting = p.mTs[j];
    } else if (p.mDir[j] === OUT) {
      lastReply = p.mTs[j];
      waiting = Number.NaN;
    } else waiting = Number.NaN;
    if (p.mDir[j] !== IN && p.mDir[j] !== OUT) continue;
    lastVisible = j;
    const channel = ch(p.mIdentity[j]);
    if (!channels.includes(channel)) channels.push(channel);
  }
  const last = p.msgStart[c + 1] - 1;
  const text = (j: number) => (p.mDir[j] === IN ? inboundText(lang, p.mSeed[j]).text : replyText(lang, p.mSeed[j]));
  const inScore = lastIn >= 0 ? inboundText(lang, p.mSeed[lastIn]).score : null;
  const priorities = ['low', 'normal', 'normal', 'normal', 'normal', 'normal', 'normal', 'normal', 'high', 'urgent'];
  return {
    id: c + 1,
    customer_id: c + 1,
    status,
    snoozed_until: status === 'snoozed' ? p.anchor + 86_400_000 * (1 + (c % 3)) : null,
    assignee_id: p.assignee[c] > 0 ? p.assignee[c] : null,
    team_id: p.team[c],
    priority: priorities[c % priorities.length],
    current_episode_id: d.epId[p.mEpisode[last]],
    waiting_since: status === 'resolved' || Number.isNaN(waiting) ? null : waiting,
    last_agent_reply_at: Number.isNaN(lastReply) ? null : lastReply,
    last_inbound_at: lastIn >= 0 ? p.mTs[lastIn] : null,
    last_message_at: lastVisible >= 0 ? p.mTs[lastVisible] : p.mTs[p.msgStart[c]],
    last_message_id: lastVisible >= 0 ? d.msgId[lastVisible] : null,
    last_message_preview: lastVisible >= 0 ? preview(text(lastVisible)) : '',
    last_inbound_channel: lastIn >= 0 ? ch(p.mIdentity[lastIn]) : null,
    last_inbound_identity_id: lastIn >= 0 ? p.mIdentity[lastIn] + 1 : null,
    channels: JSON.stringify(channels),
    last_sentiment_score: inScore,
    last_sentiment_label: inScore === null ? null : inScore < 0 ? 'negative' : inScore > 0 ? 'positive' : 'neutral',
    created_at: p.mTs[p.msgStart[c]],
    updated_at: p.mTs[last],
  };
}
