import { hasRole } from '#shared/schemas/common';
import type { PresenceLists } from '#shared/schemas/events';
import { agentRoom, type Viewer } from '#server/domain/access';
import { toPresenceLists, type PresenceEntry, type PresenceRegistry } from './presence';

/** Room of leads, supervisors and admins: they see everyone's presence (the agents settings page). */
export const PRESENCE_ALL_ROOM = 'presence:all';

/** Room of one team's members for presence: agents see their teammates (and themselves). */
export function presenceTeamRoom(teamId: number): string {
  return `presence:team:${teamId}`;
}

/** True when a viewer sees every agent's presence (leads and above). */
function seesEveryone(viewer: Pick<Viewer, 'role'>): boolean {
  return hasRole(viewer.role, 'lead');
}

/** Presence rooms an agent's sockets join. */
export function presenceRoomsForViewer(viewer: Viewer): string[] {
  return seesEveryone(viewer) ? [PRESENCE_ALL_ROOM] : viewer.teamIds.map(presenceTeamRoom);
}

/** One emit of a flush: these lists to the sockets in `to` that are not in `except`. */
export interface PresenceSend {
  to: string[];
  except: string[];
  lists: PresenceLists;
}

/**
 * Who hears about whose presence. An agent's change reaches the leads, supervisors and admins
 * (one room, the whole batch in one packet), the agent's teammates (one packet per team) and the
 * agent's own sockets (through a team room, or their personal room when they have no team) — never
 * every socket, so n agents connecting cost O(n) packets, not O(n²). Remembers each agent's teams
 * and role from their sockets' viewer (updated when the agent's access is refreshed).
 */
export class PresenceAudience {
  private readonly viewers = new Map<number, Viewer>();
  /** Agents (ever connected) per team, for teammates' snapshots. */
  private readonly members = new Map<number, Set<number>>();

  /** Record (or update) the viewer an agent's sockets act as. */
  remember(viewer: Viewer): void {
    const before = this.viewers.get(viewer.id);
    for (const t of before?.teamIds ?? []) this.members.get(t)?.delete(viewer.id);
    this.viewers.set(viewer.id, viewer);
    for (const t of viewer.teamIds) {
      let set = this.members.get(t);
      if (!set) this.members.set(t, (set = new Set()));
      set.add(viewer.id);
    }
  }

  /** The access last recorded for an agent's sockets (on any node), if any. */
  viewerOf(agentId: number): Viewer | undefined {
    return this.viewers.get(agentId);
  }

  /** The emits that announce a batch of changes to exactly the sockets that may see them. */
  route(changes: readonly PresenceEntry[]): PresenceSend[] {
    if (changes.length === 0) return [];
    const sends: PresenceSend[] = [{ to: [PRESENCE_ALL_ROOM], except: [], lists: toPresenceLists(changes) }];
    const byTeam = new Map<number, PresenceEntry[]>();
    for (const c of changes) {
      const v = this.viewers.get(c.agentId);
      const teams = v?.teamIds ?? [];
      for (const t of teams) {
        const list = byTeam.get(t);
        if (list) list.push(c);
        else byTeam.set(t, [c]);
      }
      // Leads hear themselves through the all-presence room; agents through a team room they are in.
      if (teams.length === 0 && !(v && seesEveryone(v)))
        sends.push({ to: [agentRoom(c.agentId)], except: [], lists: toPresenceLists([c]) });
    }
    for (const [t, entries] of byTeam)
      sends.push({ to: [presenceTeamRoom(t)], except: [PRESENCE_ALL_ROOM], lists: toPresenceLists(entries) });
    return sends;
  }

  /** The presence a viewer's socket starts from: everyone's for leads and above, else teammates' and their own. */
  snapshotFor(viewer: Viewer, registry: PresenceRegistry): PresenceLists {
    if (seesEveryone(viewer)) return registry.snapshot();
    const ids = new Set<number>([viewer.id]);
    for (const t of viewer.teamIds) for (const id of this.members.get(t) ?? []) ids.add(id);
    const entries: PresenceEntry[] = [];
    for (const agentId of ids) {
      const presence = registry.of(agentId);
      if (presence !== 'offline') entries.push({ agentId, presence });
    }
    return toPresenceLists(entries);
  }
}
