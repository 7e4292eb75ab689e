import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Server } from 'socket.io';
import { ALL_BOARDS_ROOM } from '#server/domain/access';
import { BoardFeed } from '#server/realtime/boardFeed';
import type { BoardDelta } from '#shared/schemas/liveBoard';
import type { ServerToClientEvents } from '#shared/socketEvents';
import { serviceDb } from '#tests/helpers/db';
import { makeTeam } from '#tests/factories';

let t: ReturnType<typeof serviceDb>['t'];
beforeEach(() => ({ t } = serviceDb()));
afterEach(() => t.cleanup());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The part of a Socket.IO server the feed uses: one supervisor's socket in board:all, and what it was sent. */
function oneSupervisor() {
  const sent: BoardDelta[] = [];
  const rooms = new Map([[ALL_BOARDS_ROOM, new Set(['socket-1'])]]);
  const io = {
    sockets: { adapter: { rooms } },
    of: () => ({ adapter: { rooms } }),
    to: (room: string) => ({ emit: (_: string, d: BoardDelta) => void (room === ALL_BOARDS_ROOM && sent.push(d)) }),
  };
  // A stand-in for the few members the feed touches; the real server is exercised in http/liveBoard.test.ts.
  return { io: io as unknown as Server<never, ServerToClientEvents>, sent };
}

describe('BoardFeed', () => {
  it('sends a change after a quiet spell at once, and at most one delta per interval under traffic', async () => {
    const team = makeTeam(t.db);
    const { io, sent } = oneSupervisor();
    // Long enough that a loaded machine's 50 ms sleep cannot outlast it (CI runs many files at once).
    const interval = 1_000;
    const feed = new BoardFeed(t.db, io, { of: () => 'offline', sinceOf: () => null }, () => Date.now(), interval);
    try {
      const touched = [{ event: {} as never, rooms: [`team:${team}`] }];
      feed.onEvents(touched);
      expect(sent).toHaveLength(1); // at once, in the publish of the commit: no timer turn, not held for the interval
      feed.onEvents(touched);
      feed.onEvents(touched);
      await sleep(50);
      expect(sent).toHaveLength(1); // within the interval of the last flush: gathered
      await sleep(interval);
      expect(sent).toHaveLength(2); // both in one delta, once the interval has passed
      expect(sent[1].teams.map((b) => b.teamId)).toEqual([team]);
    } finally {
      feed.close();
    }
  });

  it('holds a change published inside a transaction until a timer turn (a delta never shows what may roll back)', async () => {
    const team = makeTeam(t.db);
    const { io, sent } = oneSupervisor();
    const feed = new BoardFeed(t.db, io, { of: () => 'offline', sinceOf: () => null }, () => Date.now(), 300);
    try {
      t.db.$client.transaction(() => feed.onEvents([{ event: {} as never, rooms: [`team:${team}`] }]))();
      expect(sent).toHaveLength(0);
      await sleep(50);
      expect(sent).toHaveLength(1);
    } finally {
      feed.close();
    }
  });
});
