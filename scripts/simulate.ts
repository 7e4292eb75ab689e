import { AgentBot } from './simulate/agentBot';
import { EmailSide } from './simulate/email';
import { parseOptions, type SimOptions } from './simulate/options';
import { startProviderStub } from './simulate/providerStub';
import { Stats } from './simulate/stats';
import { Traffic } from './simulate/traffic';
import { WebchatSide } from './simulate/webchat';
import { prng } from './simulate/prng';

/**
 * `npm run simulate`: drive a running Braid with realistic, correctly signed traffic on every
 * channel and stand in for the providers' send APIs, for --duration seconds. See docs/simulator.md.
 */

async function preflight(o: SimOptions): Promise<boolean> {
  try {
    const health = await fetch(`${o.braidUrl}/healthz`, { signal: AbortSignal.timeout(3_000) });
    if (!health.ok) throw new Error(`HTTP ${health.status}`);
  } catch (err) {
    console.error(
      `[sim] Braid is not reachable at ${o.braidUrl} (${(err as Error).message}). Start it first:\n\n  env $(npm run -s simulate -- --print-env) npm start\n`,
    );
    return false;
  }
  const probe = await fetch(`${o.braidUrl}/webhooks/line`, { method: 'POST', body: '{}' });
  if (probe.status === 404) {
    console.error(
      '[sim] Braid answers 404 on /webhooks/line: it was started without the simulator settings. Restart it with:\n\n  env $(npm run -s simulate -- --print-env) npm start\n',
    );
    return false;
  }
  return true;
}

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  if ('help' in o) {
    console.log(o.help);
    return 0;
  }
  if (o.printEnv) {
    for (const [k, v] of Object.entries(o.env)) console.log(`${k}=${v}`);
    return 0;
  }
  if (!(await preflight(o))) return 1;

  const rng = prng(o.seed);
  const stats = new Stats();
  const stub = await startProviderStub({
    port: o.providerPort,
    braidUrl: o.braidUrl,
    env: o.env,
    failRate: o.failRate,
    rng,
    stats,
  });
  const email = new EmailSide(
    new URL(o.braidUrl).hostname,
    o.smtpPort,
    o.env.SUPPORT_ADDRESSES.split(',')[0].trim(),
    stats,
  );
  await email.startSink(o.sinkPort);
  const webchat = new WebchatSide(o.braidUrl, stats);
  const timers = new Set<NodeJS.Timeout>();
  const traffic = new Traffic({
    braidUrl: o.braidUrl,
    env: o.env,
    rng,
    stats,
    email,
    webchat,
    dupRate: o.dupRate,
    outOfOrderRate: o.outOfOrderRate,
    timers,
  });
  const bot = o.autoReply > 0 ? new AgentBot(o.braidUrl, o.autoReply, rng, stats) : null;
  const botOn = bot ? await bot.login(o.agentEmail, o.agentPassword) : false;

  console.log(
    `[sim] driving ${o.braidUrl} at ~${o.rate}/min for ${o.duration}s; provider stand-in on :${o.providerPort}, reply SMTP sink on :${o.sinkPort}`,
  );
  const started = Date.now();
  const endAt = started + o.duration * 1000;
  let stopping = false;
  process.once('SIGINT', () => (stopping = true));
  const progress = setInterval(() => {
    if (!o.quiet)
      console.log(
        `[sim] ${Math.round((Date.now() - started) / 1000)}s  ${stats.line('in ')}  |  ${stats.line('replies ')}`,
      );
  }, 10_000);
  const botTimer = botOn && bot ? setInterval(() => void bot.tick().catch(() => undefined), 3_000) : null;

  const inFlight = new Set<Promise<void>>();
  const opening = traffic.journey().catch((err: Error) => stats.add(`errors ${err.message.slice(0, 40)}`));
  inFlight.add(opening);
  while (!stopping && Date.now() < endAt) {
    const p = traffic.next().catch((err: Error) => stats.add(`errors ${err.message.slice(0, 40)}`));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    const gap = -Math.log(1 - rng()) * (60_000 / o.rate); // exponential gaps: a Poisson stream of customers
    await new Promise((r) => setTimeout(r, Math.min(gap, Math.max(0, endAt - Date.now()))));
  }

  console.log('[sim] traffic done; waiting for replies and status callbacks to settle…');
  await Promise.all(inFlight);
  if (botTimer) clearInterval(botTimer);
  await new Promise((r) => setTimeout(r, stopping ? 500 : 6_000));
  clearInterval(progress);
  timers.forEach(clearTimeout);
  await webchat.close();
  await email.close();
  await stub.close();
  console.log(`[sim] finished after ${Math.round((Date.now() - started) / 1000)}s\n${stats.summary()}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('[sim] failed:', err);
    process.exit(1);
  },
);
