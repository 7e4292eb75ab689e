import { asc } from 'drizzle-orm';
import type { Db } from '#server/db/connection';
import { sentimentCorrections } from '#server/db/schema';
import { sentimentFeatures, type SentimentAdjust, type SentimentLabel } from '#server/domain/sentiment/index';

const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];
/**
 * Logit shift per correction. A message's hashed features have unit squared norm, so the corrected
 * text itself moves by about this much towards its new label, and a message sharing half of its
 * character n-grams and words by about half.
 */
const STEP = 2.5;

const key = (text: string) => text.toLowerCase().replace(/\s+/gu, ' ').trim();

/**
 * One workspace's adaptation of the sentiment analyser, learned from its agents' corrections: the
 * exact texts agents labelled, and per-feature logit adjustments that carry a correction over to
 * similar messages. Applied on every analysis through SentimentAdjust; updated in place by each new
 * correction, so no restart is needed.
 */
export class WorkspaceOverlay implements SentimentAdjust {
  private readonly texts = new Map<string, SentimentLabel>();
  private readonly slots = new Map<number, [number, number, number]>();

  /** Learns one correction: remembers the text, and shifts its features towards the label. */
  learn(text: string, label: SentimentLabel): void {
    this.texts.set(key(text), label);
    const { idx, val } = sentimentFeatures(text);
    const target = LABELS.indexOf(label);
    for (let i = 0; i < idx.length; i++) {
      const w = this.slots.get(idx[i]) ?? [0, 0, 0];
      for (let c = 0; c < 3; c++) w[c] += STEP * val[i] * (c === target ? 1 : -0.5);
      this.slots.set(idx[i], w);
    }
  }

  get size(): number {
    return this.texts.size;
  }

  exact = (text: string): SentimentLabel | undefined => (this.texts.size ? this.texts.get(key(text)) : undefined);

  offset = (idx: readonly number[], val: readonly number[]): [number, number, number] | undefined => {
    if (this.slots.size === 0) return undefined;
    const z: [number, number, number] = [0, 0, 0];
    let hit = false;
    for (let i = 0; i < idx.length; i++) {
      const w = this.slots.get(idx[i]);
      if (!w) continue;
      hit = true;
      for (let c = 0; c < 3; c++) z[c] += w[c] * val[i];
    }
    return hit ? z : undefined;
  };
}

// A cache keyed by the database handle: one overlay per workspace (database), built from its
// corrections the first time that workspace analyses a message.
const overlays = new WeakMap<Db, WorkspaceOverlay>();

/** The workspace's overlay, loaded from its stored corrections on first use. */
export function overlayFor(db: Db): WorkspaceOverlay {
  let o = overlays.get(db);
  if (!o) {
    o = new WorkspaceOverlay();
    const rows = db
      .select({ text: sentimentCorrections.text, label: sentimentCorrections.toLabel })
      .from(sentimentCorrections)
      .orderBy(asc(sentimentCorrections.id))
      .all();
    for (const r of rows) o.learn(r.text, r.label);
    overlays.set(db, o);
  }
  return o;
}
