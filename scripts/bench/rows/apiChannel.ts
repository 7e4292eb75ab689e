import { keepAlive, send } from '#scripts/bench/http';
import { ms, pct, perSec } from '#scripts/bench/stats';
import { defineRow } from '#scripts/bench/types';

/** The API channel (bearer key, JSON) with 8 concurrent clients, and the admin's inbox list over HTTP. */
export const apiChannel = defineRow({
  id: 'api-channel',
  fixture: 'ingest',
  measures: ['ingest over HTTP, API channel', 'GET /api/threads over HTTP (admin)'],
  async run(f) {
    const requests = { full: 2_000, quick: 500, tiny: 40 }[f.opts.scale];
    const key = await f.admin.post('/api/api-keys', { name: `bench ${Date.now()}` });
    if (key.status !== 201) throw new Error(`api key: HTTP ${key.status} ${key.body.slice(0, 120)}`);
    const { secret } = JSON.parse(key.body) as { secret: string };
    const url = `${f.braid.server.url}/api/channels/api/messages`;
    const agent = keepAlive(8);
    const lat: number[] = [];
    let next = 0;
    let errors = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < requests) {
          const i = next++;
          const body = JSON.stringify({
            customer: { id: `api-${i % 500}` },
            message: { id: `api-${f.braid.nonce}-${i}`, text: 'Dzień dobry, paczka nie dotarła 😠' },
          });
          const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
          const a = await send(url, { method: 'POST', headers, body, agent, timeoutMs: f.opts.timeoutMs });
          if (a.status < 200 || a.status > 299) errors++;
          lat.push(a.ms);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    agent.destroy();
    const list: number[] = [];
    for (let i = 0; i < Math.min(300, f.opts.requests * 2); i++)
      list.push((await f.admin.get('/api/threads?limit=50')).ms);
    return [
      {
        measure: `ingest over HTTP, API channel, 8 concurrent clients, ${requests.toLocaleString('en-US')} requests`,
        braid: `${perSec(requests / seconds)}, p50 ${ms(pct(lat, 50))}, p95 ${ms(pct(lat, 95))}${errors ? ` (${errors} errors)` : ''}`,
      },
      {
        measure: 'GET /api/threads over HTTP (admin, 50 rows + SLA + unread)',
        braid: `p50 ${ms(pct(list, 50))}, p95 ${ms(pct(list, 95))}`,
      },
    ];
  },
});
