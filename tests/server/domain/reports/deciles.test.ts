import { describe, expect, it } from 'vitest';
import { decileGap, groupSize, type DecileInput } from '#server/domain/reports/deciles';

const agents = (values: Array<number | null>, conversations = 10): DecileInput[] =>
  values.map((value, i) => ({ agentId: i + 1, value, conversations }));

describe('decile gap', () => {
  it.each([
    [0, 1],
    [1, 1],
    [9, 1],
    [10, 1],
    [19, 1],
    [20, 2],
    [35, 3],
    [100, 10],
  ])('groups of %i ranked agents hold %i each', (n, k) => {
    expect(groupSize(n)).toBe(k);
  });

  it('takes the fastest and slowest tenth of twenty agents (lower is better)', () => {
    // first-response medians in seconds: agent i answers in i*60 s
    const r = decileGap(agents(Array.from({ length: 20 }, (_, i) => (i + 1) * 60)), 'lower', 5);
    expect(r.top).toEqual({
      agents: [
        { agentId: 1, value: 60 },
        { agentId: 2, value: 120 },
      ],
      value: 90,
    });
    expect(r.bottom).toEqual({
      agents: [
        { agentId: 20, value: 1200 },
        { agentId: 19, value: 1140 },
      ],
      value: 1170,
    });
    expect(r.gap).toBe(1080);
    expect(r.qualified).toBe(20);
  });

  it('ranks higher-is-better metrics from the top, so the gap stays positive', () => {
    const r = decileGap(agents([4.2, 3.1, 4.9, 2.5, 3.8]), 'higher', 5);
    expect(r.top).toEqual({ agents: [{ agentId: 3, value: 4.9 }], value: 4.9 });
    expect(r.bottom).toEqual({ agents: [{ agentId: 4, value: 2.5 }], value: 2.5 });
    expect(r.gap).toBe(2.4);
  });

  it('keeps tied agents together at a group edge', () => {
    // small team: one per group, but agents 2 and 3 tie with the best and 4, 5 with the worst
    const r = decileGap(agents([30, 30, 30, 90, 90, 60]), 'lower', 1);
    expect(r.top?.agents.map((a) => a.agentId)).toEqual([1, 2, 3]);
    expect(r.bottom?.agents.map((a) => a.agentId)).toEqual([5, 4]);
    expect(r.top?.value).toBe(30);
    expect(r.bottom?.value).toBe(90);
    expect(r.gap).toBe(60);
  });

  it('gives a zero gap when every ranked agent is equal (both groups hold everyone)', () => {
    const r = decileGap(agents([2, 2, 2]), 'higher', 1);
    expect(r.top?.agents).toHaveLength(3);
    expect(r.bottom?.agents).toHaveLength(3);
    expect(r.gap).toBe(0);
  });

  it('leaves out and lists agents below the qualifying minimum and agents without a value', () => {
    const inputs: DecileInput[] = [
      { agentId: 1, value: 100, conversations: 12 },
      { agentId: 2, value: 10, conversations: 4 }, // fastest, but too few conversations
      { agentId: 3, value: null, conversations: 30 }, // no timed replies
      { agentId: 4, value: 300, conversations: 5 }, // exactly the minimum qualifies
      { agentId: 5, value: 200, conversations: 8 },
    ];
    const r = decileGap(inputs, 'lower', 5);
    expect(r.belowMinimum).toEqual([2]);
    expect(r.noValue).toEqual([3]);
    expect(r.qualified).toBe(3);
    expect(r.top).toEqual({ agents: [{ agentId: 1, value: 100 }], value: 100 });
    expect(r.bottom).toEqual({ agents: [{ agentId: 4, value: 300 }], value: 300 });
    expect(r.gap).toBe(200);
    expect(r.minConversations).toBe(5);
  });

  it('has no groups and no gap with fewer than two ranked agents', () => {
    expect(decileGap(agents([42]), 'lower', 1)).toMatchObject({ qualified: 1, top: null, bottom: null, gap: null });
    expect(decileGap([], 'lower', 1)).toMatchObject({ qualified: 0, top: null, bottom: null, gap: null });
  });

  it('breaks no ties by order of input: equal values are reported in agent-id order', () => {
    const r = decileGap(
      [
        { agentId: 9, value: 1, conversations: 5 },
        { agentId: 3, value: 1, conversations: 5 },
        { agentId: 5, value: 7, conversations: 5 },
      ],
      'lower',
      5,
    );
    expect(r.top?.agents.map((a) => a.agentId)).toEqual([3, 9]);
    expect(r.bottom?.agents.map((a) => a.agentId)).toEqual([5]);
    expect(r.gap).toBe(6);
  });
});
