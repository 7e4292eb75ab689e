/** An agent who could take a thread, with their current load. */
export interface AssignCandidate {
  id: number;
  openThreads: number;
  capacity: number;
}

/**
 * Round robin over candidates (sorted by id) starting after the last agent who got a
 * thread, skipping anyone at or over capacity. Returns null when nobody has room.
 */
export function pickRoundRobin(candidates: AssignCandidate[], lastAssignedId: number | null): number | null {
  const sorted = [...candidates].sort((a, b) => a.id - b.id);
  if (sorted.length === 0) return null;
  const start = lastAssignedId === null ? 0 : sorted.findIndex((c) => c.id > lastAssignedId);
  const from = start === -1 ? 0 : start;
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[(from + i) % sorted.length];
    if (c.openThreads < c.capacity) return c.id;
  }
  return null;
}
