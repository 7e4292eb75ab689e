import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, episodes, slaAlerts, threads } from '#server/db/schema';
import { recordEpisodeFact, recordSurveyFact } from '#server/services/metricFacts';
import { startReportWorld, type ReportWorld } from './reportWorld';

const HOUR = 3_600_000;
let world: ReportWorld;
const ids: Record<string, number> = {};
const now = Date.now();

/**
 * One resolved episode as the live path leaves it: the episode row, its SLA alerts, then the episode
 * fact and survey fact written by the same functions resolve and the survey parser call.
 */
function resolved(
  name: string,
  o: {
    teamId: number;
    agentId: number;
    hours: number;
    end?: number;
    survey?: ['csat' | 'nps', number];
    breaches?: number;
    daysAgo?: number;
  },
) {
  const { db } = world.app;
  db.transaction((tx) => {
    const resolvedAt = now - (o.daysAgo ?? 1) * 24 * HOUR;
    const openedAt = resolvedAt - o.hours * HOUR;
    const c = tx.insert(customers).values({ name, createdAt: openedAt, updatedAt: openedAt }).returning().get();
    const t = tx
      .insert(threads)
      .values({
        customerId: c.id,
        status: 'resolved',
        teamId: o.teamId,
        lastMessageAt: openedAt,
        createdAt: openedAt,
        updatedAt: resolvedAt,
      })
      .returning()
      .get();
    const ep = tx
      .insert(episodes)
      .values({
        threadId: t.id,
        number: 1,
        openedAt,
        resolvedAt,
        resolvedBy: o.agentId,
        assigneeId: o.agentId,
        teamId: o.teamId,
        sentimentStart: 0,
        sentimentEnd: o.end ?? 0.3,
      })
      .returning()
      .get();
    for (let i = 0; i < (o.breaches ?? 0); i++)
      tx.insert(slaAlerts)
        .values({
          threadId: t.id,
          episodeId: ep.id,
          kind: 'first_response',
          clockStartedAt: openedAt + i,
          fraction: 1,
          dueAt: openedAt + HOUR,
          firedAt: openedAt + HOUR,
        })
        .run();
    recordEpisodeFact(tx, ep.id, o.agentId, resolvedAt);
    if (o.survey) recordSurveyFact(tx, { id: ep.id, teamId: o.teamId, resolvedBy: o.agentId }, ...o.survey, resolvedAt);
    ids[name] = ep.id;
  });
}

beforeAll(async () => {
  world = await startReportWorld();
  const { teamA, teamB, agentA, agentA2, agentB } = world.people;
  resolved('Unhappy Ula', { teamId: teamA, agentId: agentA, hours: 1, survey: ['csat', 1] });
  resolved('Lukewarm Lech', { teamId: teamA, agentId: agentA2, hours: 2, survey: ['csat', 2], daysAgo: 2 });
  resolved('Detractor Dana', { teamId: teamA, agentId: agentA2, hours: 1, survey: ['nps', 3] });
  resolved('Promoter Pia', { teamId: teamA, agentId: agentA, hours: 1, survey: ['nps', 9], end: -0.7 });
  resolved('Soured Sam', { teamId: teamA, agentId: agentA2, hours: 1, end: -0.3 });
  resolved('Slow Stan', { teamId: teamA, agentId: agentA, hours: 70, breaches: 2 });
  resolved('Late Lu', { teamId: teamA, agentId: agentA2, hours: 5, breaches: 1 });
  resolved('Other team Olga', {
    teamId: teamB,
    agentId: agentB,
    hours: 90,
    survey: ['csat', 1],
    end: -0.9,
    breaches: 3,
  });
  resolved('Old Otto', { teamId: teamA, agentId: agentA, hours: 1, survey: ['csat', 1], daysAgo: 60 });
  resolved('Reviewed Rita', { teamId: teamA, agentId: agentA, hours: 1, survey: ['csat', 1] });
  const card = await (
    await world.admin.post('/api/scorecards', { name: 'Q', criteria: [{ label: 'Tone', weight: 1, scale: 'five' }] })
  ).json();
  const res = await world.lead.post('/api/reviews', {
    scorecardId: card.id,
    episodeId: ids['Reviewed Rita'],
    scores: [2],
  });
  expect(res.status).toBe(201);
}, 60_000);
afterAll(() => world?.close());

const names = async (who: 'lead' | 'admin', query: string) => {
  const res = await world[who].get(`/api/reviews/queue?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()).items as Array<{ customerName: string }>).map((i) => i.customerName);
};

describe('review queue', () => {
  it('samples low CSAT and NPS answers in the lead’s teams, worst first, never one already reviewed', async () => {
    expect(await names('lead', 'reason=lowCsat')).toEqual(['Unhappy Ula', 'Lukewarm Lech', 'Detractor Dana']);
  });

  it('samples negative sentiment at the end, breached SLAs and long resolutions', async () => {
    expect(await names('lead', 'reason=negativeEnd')).toEqual(['Promoter Pia', 'Soured Sam']);
    expect(await names('lead', 'reason=slaBreached')).toEqual(['Slow Stan', 'Late Lu']);
    expect(await names('lead', 'reason=longResolution&limit=2')).toEqual(['Slow Stan', 'Late Lu']);
  });

  it('draws a random sample from the scope: each unreviewed conversation of the range at most once', async () => {
    const all = await names('lead', 'reason=random&limit=100');
    expect([...all].sort()).toEqual(
      ['Detractor Dana', 'Late Lu', 'Lukewarm Lech', 'Promoter Pia', 'Slow Stan', 'Soured Sam', 'Unhappy Ula'].sort(),
    );
    expect(await names('lead', 'reason=random&limit=3')).toHaveLength(3);
  });

  it('narrows by agent, team and period; supervisors and admins see every team', async () => {
    const { agentA, teamB } = world.people;
    expect(await names('lead', `reason=lowCsat&agentId=${agentA}`)).toEqual(['Unhappy Ula']);
    const twoDaysAgo = now - 2.5 * 24 * HOUR;
    expect(await names('lead', `reason=lowCsat&from=${twoDaysAgo}&to=${now - 1.5 * 24 * HOUR}`)).toEqual([
      'Lukewarm Lech',
    ]);
    expect(await names('admin', `reason=lowCsat&teamId=${teamB}`)).toEqual(['Other team Olga']);
    expect(await names('admin', `reason=slaBreached`)).toEqual(['Other team Olga', 'Slow Stan', 'Late Lu']);
  });

  it('refuses agents, another team for a lead, and bad input', async () => {
    expect((await world.agentA.get('/api/reviews/queue')).status).toBe(403);
    expect((await world.lead.get(`/api/reviews/queue?teamId=${world.people.teamB}`)).status).toBe(403);
    for (const q of ['reason=worst', 'limit=0', 'limit=1000', 'from=10&to=5', 'channel=fax'])
      expect((await world.lead.get(`/api/reviews/queue?${q}`)).status, q).toBe(400);
  });
});
