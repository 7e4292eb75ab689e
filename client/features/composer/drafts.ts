/** A half-written reply: text, whether it is a note, and when the agent started it. */
export interface Draft {
  text: string;
  note: boolean;
  /** When typing began (to warn if a colleague replied since); null for an empty draft. */
  startedAt: number | null;
  /** The newest message on screen when typing began (the server asks first if a colleague replied after it). */
  seenId?: number | null;
}

const EMPTY: Draft = { text: '', note: false, startedAt: null, seenId: null };
// Used only where localStorage is unavailable (private mode, quota): drafts then last until reload.
const fallback = new Map<string, Draft>();
const storageKey = (agentId: number, threadId: number) => `braid.draft.${agentId}.${threadId}`;

/** The saved draft of a thread (survives navigating away, and a reload in the same browser). */
export function loadDraft(agentId: number, threadId: number): Draft {
  const key = storageKey(agentId, threadId);
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return EMPTY;
    const d = JSON.parse(raw) as Partial<Draft>;
    return typeof d.text === 'string'
      ? {
          text: d.text,
          note: d.note === true,
          startedAt: typeof d.startedAt === 'number' ? d.startedAt : null,
          seenId: typeof d.seenId === 'number' ? d.seenId : null,
        }
      : EMPTY;
  } catch {
    return fallback.get(key) ?? EMPTY;
  }
}

/** Save (or, when empty, forget) a thread's draft. */
export function saveDraft(agentId: number, threadId: number, d: Draft): void {
  const key = storageKey(agentId, threadId);
  const empty = d.text.length === 0 && !d.note;
  try {
    if (empty) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(d));
  } catch {
    if (empty) fallback.delete(key);
    else fallback.set(key, d);
  }
}
