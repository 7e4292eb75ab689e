import { prng } from '#scripts/simulate/prng';
import type { People } from './shape';
import { langOf, pickChannel } from './shape';
import { episodePattern, IN, OUT, SYS, type EndKind } from './pattern';

const DAY = 86_400_000;
const MIN = 60_000;

/** Thread status codes in the plan (index into THREAD_STATUS). */
export const THREAD_STATUS = ['open', 'pending', 'snoozed', 'resolved'] as const;

/** What the generator decided, column by column (typed arrays: 2M messages fit in ~60 MB). */
export interface Plan {
  anchor: number;
  customers: number;
  /** Per customer = thread (index c → id c + 1, ids in order of the first message). */
  status: Uint8Array;
  team: Int32Array;
  assignee: Int32Array;
  firstIdentity: Int32Array;
  identityCount: Uint8Array;
  msgStart: Int32Array;
  /** Per identity (index → id + 1). */
  identityCustomer: Int32Array;
  identityChannel: Uint8Array;
  /** Per episode, in generation order (ids are assigned by opening time later). */
  episodes: number;
  epThread: Int32Array;
  epNumber: Int32Array;
  epAssignee: Int32Array;
  epResolved: Uint8Array;
  /** Per message, in generation order (thread by thread, chronological within a thread). */
  messages: number;
  mThread: Int32Array;
  mTs: Float64Array;
  mDir: Uint8Array;
  mEpisode: Int32Array;
  mAgent: Int32Array;
  mIdentity: Int32Array;
  mSeed: Int32Array;
}

/** Messages per thread: one long thread, a few hundred-message ones, the rest geometric; sums to ~total. */
function threadSizes(n: number, total: number, long: number, rnd: () => number): Int32Array {
  const k = new Int32Array(n);
  const big = Math.max(1, Math.floor(n / 1_000));
  let rest = total - Math.min(long, total / 2);
  for (let c = 1; c <= big && c < n; c++) rest -= k[c] = Math.min(1_000, Math.max(50, Math.floor(rest / n) * 20));
  const mean = Math.max(1, rest / Math.max(1, n - 1 - big));
  let sum = 0;
  for (let c = big + 1; c < n; c++) sum += k[c] = 2 + Math.floor(-Math.log(1 - rnd()) * (mean - 1));
  // Rescale the geometric part so the workspace has the asked-for size.
  const f = rest / Math.max(1, sum);
  // At least two messages: a resolved thread needs its inbound message and the resolve.
  for (let c = big + 1; c < n; c++) k[c] = Math.max(2, Math.round(k[c] * f));
  k[0] = Math.max(1, Math.round(Math.min(long, total / 2)));
  return k;
}

/** Build the whole workspace plan from a seed: deterministic for the same sizes and people. */
export function buildPlan(n: number, total: number, long: number, people: People, anchor: number): Plan {
  const rnd = prng(20_241_001);
  const sizes = threadSizes(n, total, long, rnd);
  const m = sizes.reduce((s, x) => s + x, 0);
  const p: Plan = {
    anchor,
    customers: n,
    status: new Uint8Array(n),
    team: new Int32Array(n),
    assignee: new Int32Array(n),
    firstIdentity: new Int32Array(n),
    identityCount: new Uint8Array(n),
    msgStart: new Int32Array(n + 1),
    identityCustomer: new Int32Array(n * 2),
    identityChannel: new Uint8Array(n * 2),
    episodes: 0,
    epThread: new Int32Array(m),
    epNumber: new Int32Array(m),
    epAssignee: new Int32Array(m),
    epResolved: new Uint8Array(m),
    messages: m,
    mThread: new Int32Array(m),
    mTs: new Float64Array(m),
    mDir: new Uint8Array(m),
    mEpisode: new Int32Array(m),
    mAgent: new Int32Array(m),
    mIdentity: new Int32Array(m),
    mSeed: new Int32Array(m),
  };
  // Thread start times: customer ids follow first contact, like a real database's autoincrement.
  const starts = Float64Array.from({ length: n }, () => anchor - 90 * DAY + rnd() * 89 * DAY).sort();
  starts[0] = anchor - 90 * DAY; // the long thread spans the whole 90 days
  let identities = 0;
  let j = 0;
  for (let c = 0; c < n; c++) {
    const lang = langOf(c);
    const team = rnd() < 0.05 ? people.teams.esc : people.teams[lang];
    const members = people.members.get(team) ?? [];
    const u = rnd();
    // Mostly history: 85 % resolved, 10 % open, 4 % pending, 1 % snoozed (the long thread is open).
    const status = c === 0 ? 0 : u < 0.85 ? 3 : u < 0.95 ? 0 : u < 0.99 ? 1 : 2;
    p.status[c] = status;
    p.team[c] = team;
    p.firstIdentity[c] = identities;
    const primary = pickChannel(lang, rnd());
    p.identityCustomer[identities] = c;
    p.identityChannel[identities++] = primary;
    if (rnd() < 0.3) {
      const second = pickChannel(lang, rnd());
      if (second !== primary) {
        p.identityCustomer[identities] = c;
        p.identityChannel[identities++] = second;
      }
    }
    p.identityCount[c] = identities - p.firstIdentity[c];
    p.msgStart[c] = j;
    const k = sizes[c];
    const e = k < 4 ? 1 : Math.max(1, Math.round(k / (4 + rnd() * 8)));
    // Episode openings: spread over the thread's life; an unresolved thread's last one is recent.
    const t0 = starts[c];
    const lastOpen = status === 3 ? t0 + rnd() * (anchor - t0 - 2 * 3_600_000) : anchor - rnd() * 2 * DAY;
    const opens = Array.from({ length: e }, (_, i) =>
      i === 0 ? t0 : t0 + rnd() * Math.max(0, Math.min(lastOpen, anchor - 3_600_000) - t0),
    ).sort((a, b) => a - b);
    if (e > 1 && status !== 3) opens[e - 1] = Math.max(opens[e - 2] + MIN, lastOpen);
    let assignee = 0;
    let used = 0;
    for (let i = 0; i < e; i++) {
      const size = i === e - 1 ? k - used : Math.floor(k / e);
      used += size;
      const final = i === e - 1;
      const end: EndKind = !final || status === 3 ? 'resolved' : status === 0 && rnd() < 0.7 ? 'waiting' : 'answered';
      const dirs = episodePattern(size, end, rnd);
      const answered = dirs.includes(OUT);
      assignee =
        answered || end === 'resolved' || rnd() < 0.5 ? (members[Math.floor(rnd() * members.length)]?.id ?? 0) : 0;
      const ep = p.episodes++;
      p.epThread[ep] = c;
      p.epNumber[ep] = i + 1;
      p.epAssignee[ep] = assignee;
      p.epResolved[ep] = end === 'resolved' ? 1 : 0;
      const limit = (final ? anchor - MIN : opens[i + 1]) - opens[i];
      const gaps = dirs.map((d, x) => (x === 0 ? 0 : gapBefore(d, dirs[x - 1], rnd)));
      const natural = gaps.reduce((s, g) => s + g, 0);
      const scale = natural > limit * 0.9 ? (limit * 0.9) / natural : 1;
      let t = opens[i];
      let lastIdentity = p.firstIdentity[c];
      for (let x = 0; x < dirs.length; x++, j++) {
        t = Math.max(t + 1, Math.round(t + gaps[x] * scale));
        const d = dirs[x];
        if (d === IN && p.identityCount[c] > 1 && rnd() < 0.25) lastIdentity = p.firstIdentity[c] + 1;
        else if (d === IN) lastIdentity = p.firstIdentity[c];
        p.mThread[j] = c;
        p.mTs[j] = t;
        p.mDir[j] = d;
        p.mEpisode[j] = ep;
        p.mAgent[j] = d === IN ? 0 : assignee;
        p.mIdentity[j] = d === SYS ? -1 : lastIdentity;
        p.mSeed[j] = Math.floor(rnd() * 0x7fffffff);
      }
    }
    p.assignee[c] = assignee;
  }
  p.msgStart[n] = j;
  p.identityCustomer = p.identityCustomer.slice(0, identities);
  p.identityChannel = p.identityChannel.slice(0, identities);
  return p;
}

/** Time before a message, by what came before it: agents answer in ~25 min, customers write back later. */
function gapBefore(d: number, prev: number, rnd: () => number): number {
  const exp = (mean: number) => -Math.log(1 - rnd()) * mean;
  if (d === SYS) return 5 * MIN + exp(60 * MIN);
  if (d === OUT) return prev === OUT ? 2 * MIN + exp(5 * MIN) : 30_000 + exp(25 * MIN);
  return prev === IN ? 20_000 + exp(4 * MIN) : 2 * MIN + exp(45 * MIN);
}
