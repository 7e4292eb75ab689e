import { z } from 'zod';
/** A half-written reply: text, whether it is a note, and when the agent started it. */
export interface Draft {
  text: string;
  note: boolean;
  /** When typing began (to warn if a colleague replied since); null for an empty draft. */
  startedAt: number | null;
  /** The newest message on screen when typing began (the server asks first if a colleague replied after it). */
  seenId?: number | null;
}

/** A stored draft as read back: a field of another shape (an older version, a hand edit) reads as unset. */
const StoredDraftSchema = z.object({
  text: z.string(),
  note: z.boolean().catch(false),
  startedAt: z.number().nullable().catch(null),
  seenId: z.number().nullable().catch(null),
});

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
    const stored = StoredDraftSchema.safeParse(JSON.parse(raw));
    return stored.success ? stored.data : EMPTY;
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
