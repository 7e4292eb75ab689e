import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresenceBatch, PresenceRegistry } from '#server/realtime/presence';

type Change = { agentId: number; presence: string };

describe('presence batching', () => {
  let registry: PresenceRegistry;
  let flushes: Change[][];
  let batch: PresenceBatch;
  beforeEach(() => {
    vi.useFakeTimers();
    registry = new PresenceRegistry();
    flushes = [];
    batch = new PresenceBatch(registry, 200, (c) => flushes.push(c));
  });
  afterEach(() => {
    batch.close();
    vi.useRealTimers();
  });
  const connect = (agentId: number, socket: string) => {
    if (registry.connect(agentId, socket)) batch.changed(agentId);
  };

  it('announces many agents connecting within a window in one flush, each once', () => {
    for (let i = 1; i <= 500; i++) connect(i, `s${i}`);
    connect(7, 's7-second-tab');
    expect(flushes).toHaveLength(0);
    vi.advanceTimersByTime(200);
    expect(flushes).toHaveLength(1);
    expect(flushes[0]).toHaveLength(500);
    expect(flushes[0].every((c) => c.presence === 'online')).toBe(true);
  });

  it('announces nothing after close, when the closing server disconnects its sockets', () => {
    connect(1, 'a');
    vi.advanceTimersByTime(200);
    batch.close();
    if (registry.disconnect(1, 'a')) batch.changed(1);
    vi.advanceTimersByTime(1_000);
    expect(flushes).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('announces the latest presence and skips a change undone within the window', () => {
    connect(1, 'a');
    vi.advanceTimersByTime(200);
    if (registry.choose(1, 'away')) batch.changed(1);
    connect(2, 'b');
    if (registry.disconnect(2, 'b')) batch.changed(2);
    vi.advanceTimersByTime(200);
    expect(flushes).toEqual([[{ agentId: 1, presence: 'online' }], [{ agentId: 1, presence: 'away' }]]);
    if (registry.disconnect(1, 'a')) batch.changed(1);
    vi.advanceTimersByTime(200);
    expect(flushes[2]).toEqual([{ agentId: 1, presence: 'offline' }]);
  });

  it('reuses one snapshot until presence changes', () => {
    connect(1, 'a');
    const first = registry.snapshot();
    expect(registry.snapshot()).toBe(first);
    connect(1, 'a2');
    expect(registry.snapshot()).toBe(first);
    connect(2, 'b');
    expect(registry.snapshot()).not.toBe(first);
    if (registry.choose(2, 'away')) batch.changed(2);
    expect(registry.snapshot()).toEqual({ online: [1], away: [2], offline: [] });
  });
});
