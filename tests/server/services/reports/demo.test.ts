import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoWorkspace } from '#server/services/demo/seed';
import { agentReport } from '#server/services/reports/agentReport';
import { leadingReport } from '#server/services/reports/leadingReport';
import { searchMessages } from '#server/services/search/messages';
import { SearchQuerySchema } from '#shared/schemas/search';
import { tempDb } from '#tests/helpers/db';

const t = tempDb();
afterAll(() => t.cleanup());

describe('demo workspace reports', () => {
  it('has weeks of history in which the report tells a strong agent from a weak one', async () => {
    const now = Date.UTC(2026, 5, 15, 12);
    await seedDemoWorkspace(t.db, now);
    const scope = { from: now - 30 * 86_400_000, to: now, teamIds: null, time: 'calendar' as const };
    const r = agentReport(t.db, scope, 5, 4, true);
    const name = (id: number | undefined) => r.items.find((i) => i.agentId === id)?.name;
    expect(r.deciles!.firstResponse.qualified).toBeGreaterThanOrEqual(6);
    expect(name(r.deciles!.firstResponse.top?.agents[0].agentId)).toBe('Olivia Quick');
    expect(name(r.deciles!.firstResponse.bottom?.agents[0].agentId)).toBe('Sid Slow');
    expect(r.deciles!.csat.gap!).toBeGreaterThan(1);
    expect(r.deciles!.firstResponse.trend.filter((p) => p.gap !== null).length).toBeGreaterThanOrEqual(1);
    const l = leadingReport(t.db, scope);
    expect(l.compliments.count).toBeGreaterThan(20);
    expect(l.returning.returned).toBeGreaterThan(5);
    // The history is searchable like live conversations, survey filter included.
    const admin = { id: 1, role: 'admin' as const, teamIds: [] };
    const q = SearchQuerySchema.parse({ q: 'order', surveyKind: 'csat', scoreMax: '3' });
    expect(searchMessages(t.db, admin, q).hits.length).toBeGreaterThan(0);
  }, 60_000);
});
