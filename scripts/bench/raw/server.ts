// The raw pipeline the bench compares Braid with: the least work the same job needs on the same
// stack. HTTP → HMAC check on the raw bytes → one SQLite insert → Socket.IO emit to the agents.
// Run as a child process: `node --import tsx scripts/bench/raw/server.ts` with PORT, RAW_DB,
// RAW_SECRET and RAW_SESSIONS (how many session tokens `t0`…`tN-1` the agents may log in with).
import Database from 'better-sqlite3';
import express from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT);
const secret = process.env.RAW_SECRET ?? '';
const db = new Database(process.env.RAW_DB ?? ':memory:');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`create table if not exists messages (id integer primary key, provider_id text not null unique,
  sender text not null, text text not null, received_at integer not null);
  create table if not exists sessions (token text primary key, agent_id integer not null);`);
const addSession = db.prepare('insert or ignore into sessions (token, agent_id) values (?, ?)');
db.transaction(() => {
  for (let i = 0; i < Number(process.env.RAW_SESSIONS ?? 10); i++) addSession.run(`t${i}`, i + 1);
})();
const insert = db.prepare('insert into messages (provider_id, sender, text, received_at) values (?, ?, ?, ?)');
const sessionOf = db.prepare<[string], { agent_id: number }>('select agent_id from sessions where token = ?');

const app = express();
const http = createServer(app);
const io = new Server(http, { serveClient: false });

app.get('/healthz', (_req, res) => {
  res.json({ ok: true });
});
app.post('/webhook', express.raw({ type: () => true, limit: '1mb' }), (req, res) => {
  const raw = req.body as Buffer;
  const header = /^sha256=([0-9a-f]{64})$/.exec(req.get('x-hub-signature-256') ?? '');
  const expected = createHmac('sha256', secret).update(raw).digest();
  if (!header || !timingSafeEqual(expected, Buffer.from(header[1], 'hex'))) {
    res.status(403).json({ error: 'bad signature' });
    return;
  }
  const body = JSON.parse(raw.toString('utf8')) as {
    entry: Array<{
      changes: Array<{ value: { messages: Array<{ id: string; from: string; text: { body: string } }> } }>;
    }>;
  };
  const m = body.entry[0].changes[0].value.messages[0];
  const now = Date.now();
  const id = insert.run(m.id, m.from, m.text.body, now).lastInsertRowid;
  res.status(200).send('EVENT_RECEIVED');
  io.to('agents').emit('message.created', { message: { id: Number(id), text: m.text.body, receivedAt: now } });
});

io.use((socket, next) => {
  const token = /(?:^|;\s*)raw_session=([^;]+)/.exec(socket.handshake.headers.cookie ?? '')?.[1];
  const row = token ? sessionOf.get(token) : undefined;
  if (!row) return next(new Error('unauthorized'));
  socket.data = { agentId: row.agent_id };
  next();
});
io.on('connection', (socket) => {
  void socket.join('agents');
  socket.emit('ready', { agentId: (socket.data as { agentId: number }).agentId });
});

http.listen(port, '127.0.0.1');
const stop = () => {
  void io.close();
  http.close(() => process.exit(0));
  http.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
