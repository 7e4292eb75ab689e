import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { episodes, messages } from '#server/db/schema';
import { toMessage } from '#server/db/mappers';
import type { RoutedEvent, ServiceDeps } from '#server/services/deps';
import { ingestInbound, type InboundAnalysis } from '#server/services/ingest';
import { analyzeInbound, intelligenceHooks } from '#server/services/intelligence';
import { sentimentSeries } from '#server/services/sentimentAlerts';
import { updateTeamConfig } from '#server/services/teamConfig';
import { CONFIDENT_AT } from '#shared/sentimentConfidence';
import { tempDb, insertTestAdmin } from '#tests/helpers/db';
import { inbound, makeTeam, routeNewThreadsTo } from '#tests/factories';

let t: ReturnType<typeof tempDb>;
let deps: ServiceDeps;
let events: RoutedEvent[];
let clock = 0;
// Marks chosen per text, so the test controls confidence exactly.
const marks = new Map<string, InboundAnalysis>();

beforeEach(() => {
  t = tempDb();
  events = [];
  deps = {
    db: t.db,
    now: () => clock,
    presence: { onlineAgentIds: () => [] },
    publisher: { publish: (e) => events.push(...e) },
  };
  insertTestAdmin(t.db);
  const teamId = makeTeam(t.db, { name: 'Care' });
  routeNewThreadsTo(t.db, teamId);
  updateTeamConfig(t.db, teamId, {
    settings: { acknowledgement: { enabled: false, channels: [] }, sentimentThreshold: -0.5 },
  });
});
afterEach(() => t.cleanup());

const mark = (score: number, confidence: number): InboundAnalysis => ({
  score,
  label: score < -0.2 ? 'negative' : score > 0.2 ? 'positive' : 'neutral',
  language: 'en',
  confidence,
});
function say(text: string, analysis: InboundAnalysis) {
  marks.set(text, analysis);
  clock += 60_000;
  const hooks = { ...intelligenceHooks(deps, () => undefined), analyze: (x: string) => marks.get(x) ?? null };
  const r = ingestInbound(deps, inbound('whatsapp', '+48512345678', text, { providerTs: clock }), hooks);
  if (r.status !== 'stored') throw new Error('not stored');
  return r;
}
const alerts = () => events.filter((e) => e.event.type === 'sentiment.alerted');

describe('sentiment confidence', () => {
  it('stores each mark with its confidence and sends it to clients', () => {
    const r = say('meh', mark(-0.3, 0.41));
    const row = t.db.select().from(messages).where(eq(messages.id, r.messageId)).get()!;
    expect(row.sentimentConfidence).toBeCloseTo(0.41);
    expect(toMessage(row).sentiment).toMatchObject({ label: 'negative', confidence: 0.41 });
  });

  it('uses only confident marks for alerts and the rolling mood', () => {
    say('first', mark(0, 0.9));
    say('unsure one', mark(-0.9, CONFIDENT_AT - 0.05));
    say('unsure two', mark(-0.9, CONFIDENT_AT - 0.05));
    // Counted, these two would already have pulled the rolling mean to -0.6, below the -0.5 threshold.
    expect(alerts()).toHaveLength(0);
    say('sure', mark(-0.9, CONFIDENT_AT));
    expect(alerts()).toHaveLength(0);
    const r = say('sure again', mark(-0.9, 0.8));
    expect(alerts()).toHaveLength(1);
    expect(sentimentSeries(t.db, r.threadId).map((p) => p.score)).toEqual([0, -0.9, -0.9]);
  });

  it('keeps uncertain marks out of the episode arc (the sentiment-lift report)', () => {
    const r = say('opening', mark(-0.8, 0.35));
    const read = () => t.db.select().from(episodes).where(eq(episodes.id, r.episodeId)).get()!;
    expect(read()).toMatchObject({ sentimentStart: null, sentimentEnd: null });
    say('later', mark(0.7, 0.95));
    expect(read()).toMatchObject({ sentimentStart: 0.7, sentimentEnd: 0.7 });
  });

  it('the analyser gives confidences on both sides of the bar', () => {
    expect(
      analyzeInbound('Thank you so much, the replacement arrived and works perfectly!').confidence,
    ).toBeGreaterThanOrEqual(CONFIDENT_AT);
    expect(analyzeInbound('Посылка не пришла').confidence).toBeLessThan(CONFIDENT_AT);
  });
});
