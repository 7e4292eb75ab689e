import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recountBoardCounters } from '#server/db/boardCounters';
import { ingestInbound } from '#server/services/ingest';
import { mergeCustomers, unmergeCustomers } from '#server/services/merge';
import { assignThread, setThreadTeam } from '#server/services/threadOps';
import { serviceDb } from '#tests/helpers/db';
import { inbound, makeTeam } from '#tests/factories';

// Merging moves a customer's thread out of every count: the source thread is no longer live. The
// floor board's tallies (board_tallies, agent_tallies) are kept by a trigger whose condition must
// see that change even when nothing else about the source thread changed.

let t: ReturnType<typeof serviceDb>['t'];
let env: ReturnType<typeof serviceDb>['env'];
let admin: ReturnType<typeof serviceDb>['admin'];
beforeEach(() => ({ t, env, admin } = serviceDb()));
afterEach(() => t.cleanup());

function tallies() {
  const sqlite = t.db.$client;
  return {
    board: sqlite.prepare('select * from board_tallies where n <> 0 order by 1, 2, 3, 4, 5').all(),
    agents: sqlite.prepare('select * from agent_tallies where n <> 0 order by 1, 2, 3, 4').all(),
  };
}

function recounted() {
  const kept = tallies();
  recountBoardCounters(t.db.$client);
  return { kept, recount: tallies() };
}

describe('floor board tallies across a merge', () => {
  it('stop counting the merged-away thread, and count it again after the merge is undone', () => {
    const team = makeTeam(t.db);
    const say = (address: string, text: string) => {
      env.clock.now += 60_000;
      const r = ingestInbound(env.deps, inbound('sms', address, text));
      if (r.status !== 'stored') throw new Error(`not stored: ${r.status}`);
      return r;
    };
    const a = say('+48500100201', 'first customer');
    const b = say('+48500100202', 'second customer, same person');
    // Both threads open, waiting, in the same team, assigned to the same agent: merging changes
    // neither status, team, channel, assignee nor waiting — only that the source thread is merged.
    for (const th of [a.threadId, b.threadId]) {
      setThreadTeam(env.deps, admin, th, team);
      assignThread(env.deps, admin, th, admin.id);
    }
    const merge = mergeCustomers(env.deps, admin, a.customerId, b.customerId);
    const afterMerge = recounted();
    expect(afterMerge.kept).toEqual(afterMerge.recount);

    unmergeCustomers(env.deps, admin, merge.id);
    const afterUndo = recounted();
    expect(afterUndo.kept).toEqual(afterUndo.recount);
  });
});
