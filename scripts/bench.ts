// `npm run bench`: measured speed on loopback (127.0.0.1) with bounded loops. Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '#server/app';
import { loadConfig } from '#server/config';
import { openDatabase } from '#server/db/connection';
import { analyzeSentiment } from '#server/domain/sentiment';
import { ensureAdmin } from '#server/services/bootstrap';
import { ingestInbound } from '#server/services/ingest';
import { analyzeInbound } from '#server/services/intelligence';
import { nobodyOnline, nullPublisher } from '#server/services/deps';
import { listThreads } from '#server/services/threadReads';
import { createTeam } from '#server/services/agents';
import { setSetting } from '#server/services/settingsStore';
import { createSlaPolicy } from '#server/services/sla';
import { updateTeamConfig } from '#server/services/teamConfig';

const THREADS = Number(process.env.BENCH_THREADS ?? 10_000);
const HTTP_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
const CONCURRENCY = 8;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const fmt = (ms: number) => `${ms.toFixed(ms < 1 ? 3 : 1)} ms`;

function benchSentiment(): void {
  const texts = [
    'Where is my parcel? Ordered 5 days ago',
    'ยังไม่ได้รับของเลยค่ะ ไม่พอใจมาก',
    'Nie jestem zadowolony z obsługi!!!',
    '退款什么时候到账？太慢了',
    'Thanks so much, great help 🙏',
  ];
  for (let i = 0; i < 2_000; i++) analyzeSentiment(texts[i % texts.length]); // warm up
  const n = 50_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) analyzeSentiment(texts[i % texts.length]);
  console.log(
    `sentiment: ${(((performance.now() - t0) / n) * 1000).toFixed(1)} µs per message (${n} messages, 4 languages)`,
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'braid-bench-'));
  try {
    benchSentiment();
    const db = openDatabase(join(dir, 'braid.db'));
    const deps = { db, publisher: nullPublisher, presence: nobodyOnline, now: Date.now };
    // Realistic set-up: a team with business hours, routing, and SLA policies on every thread.
    const team = createTeam(db, { name: 'Bench team', autoAssign: false }, Date.now());
    setSetting(db, 'routing', { defaultTeamId: team, byChannel: {} });
    updateTeamConfig(db, team, {
      businessHours: {
        timeZone: 'Europe/Warsaw',
        weekly: {
          1: [['08:00', '18:00']],
          2: [['08:00', '18:00']],
          3: [['08:00', '18:00']],
          4: [['08:00', '18:00']],
          5: [['08:00', '18:00']],
        },
        holidays: [],
      },
    });
    createSlaPolicy(
      db,
      {
        name: 'Standard',
        match: {},
        firstResponseMs: 7_200_000,
        nextResponseMs: 14_400_000,
        resolutionMs: 86_400_000,
        businessHours: true,
      },
      Date.now(),
    );
    let t0 = performance.now();
    for (let i = 0; i < THREADS; i++) {
      ingestInbound(
        deps,
        {
          channel: 'sms',
          transport: 'bench',
          providerMessageId: `b${i}`,
          from: { address: `+4851${String(1_000_000 + i)}` },
          text: `Order ${i} is late, please help`,
          attachments: [],
          providerTs: Date.now() - (THREADS - i) * 1000,
        },
        { analyze: analyzeInbound },
      );
    }
    const ingestMs = performance.now() - t0;
    console.log(
      `ingest (service, in-process): ${THREADS} new customers in ${fmt(ingestMs)} → ${(THREADS / (ingestMs / 1000)).toFixed(0)} msg/s`,
    );

    const viewer = { id: 1, role: 'admin' as const, teamIds: [] };
    const lat: number[] = [];
    for (let i = 0; i < 200; i++) {
      t0 = performance.now();
      listThreads(db, viewer, { status: 'open', assignee: 'any', sort: i % 2 ? 'waiting' : 'activity', limit: 50 });
      lat.push(performance.now() - t0);
    }
    console.log(`list threads with SLA badges (50 of ${THREADS}): p50 ${fmt(pct(lat, 50))}, p95 ${fmt(pct(lat, 95))}`);

    const config = loadConfig({
      DEMO: '0',
      ADMIN_EMAIL: 'bench@local.test',
      ADMIN_PASSWORD: 'bench-password-1',
      LOGIN_RATE_LIMIT: '1000',
      DATA_DIR: dir,
    });
    await ensureAdmin(db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD, Date.now());
    const app = createApp({ config, db });
    const port = await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@local.test', password: 'bench-password-1' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const keyRes = await fetch(`${base}/api/api-keys`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench' }),
    });
    const { secret } = (await keyRes.json()) as { secret: string };

    const httpLat: number[] = [];
    let next = 0;
    t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < HTTP_REQUESTS) {
          const i = next++;
          const s = performance.now();
          const r = await fetch(`${base}/api/channels/api/messages`, {
            method: 'POST',
            headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              customer: { id: `c${i % 500}` },
              message: { id: `h${i}`, text: 'Dzień dobry, paczka nie dotarła 😠' },
            }),
          });
          await r.arrayBuffer();
          httpLat.push(performance.now() - s);
        }
      }),
    );
    const httpMs = performance.now() - t0;
    console.log(
      `ingest over HTTP (API channel, ${CONCURRENCY} concurrent, ${HTTP_REQUESTS} requests): ${(HTTP_REQUESTS / (httpMs / 1000)).toFixed(0)} req/s, p50 ${fmt(pct(httpLat, 50))}, p95 ${fmt(pct(httpLat, 95))}`,
    );

    const listLat: number[] = [];
    for (let i = 0; i < 300; i++) {
      const s = performance.now();
      await (await fetch(`${base}/api/threads?limit=50`, { headers: { cookie } })).arrayBuffer();
      listLat.push(performance.now() - s);
    }
    console.log(`GET /api/threads over HTTP: p50 ${fmt(pct(listLat, 50))}, p95 ${fmt(pct(listLat, 95))}`);
    await app.close();
    db.$client.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
