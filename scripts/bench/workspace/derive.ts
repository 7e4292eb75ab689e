import { inboundScore } from '#scripts/bench/texts';
import type { Plan } from './plan';
import { IN, OUT, SYS } from './pattern';
import { langOf } from './shape';

/** Ids and derived facts the app keeps per row, computed from the plan like the services would. */
export interface Derived {
  /** Message id per plan message; ids follow time, as autoincrement does in a live database. */
  msgId: Int32Array;
  /** Plan message indices in id order (the order they are written). */
  msgOrder: Uint32Array;
  /** How long the customer had waited when an agent replied (NaN for other messages). */
  waited: Float64Array;
  /** Episode id per plan episode (ids follow opening time), and plan episodes in id order. */
  epId: Int32Array;
  epOrder: Uint32Array;
  epOpened: Float64Array;
  epResolvedAt: Float64Array;
  epFirstResponse: Float64Array;
  epSentimentStart: Float64Array;
  epSentimentEnd: Float64Array;
}

/** Sort by a key (ties by index) and return the order and each index's 1-based rank. */
function rank(n: number, key: (i: number) => number): { order: Uint32Array; id: Int32Array } {
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
  const id = new Int32Array(n);
  for (let r = 0; r < n; r++) id[order[r]] = r + 1;
  return { order, id };
}

/** Compute ids, waiting clocks, first responses and sentiment arcs. */
export function derive(p: Plan): Derived {
  const msgs = rank(p.messages, (i) => p.mTs[i]);
  const epOpened = new Float64Array(p.episodes).fill(Number.NaN);
  const epResolvedAt = new Float64Array(p.episodes).fill(Number.NaN);
  const epFirstResponse = new Float64Array(p.episodes).fill(Number.NaN);
  const epSentimentStart = new Float64Array(p.episodes).fill(Number.NaN);
  const epSentimentEnd = new Float64Array(p.episodes).fill(Number.NaN);
  const waited = new Float64Array(p.messages).fill(Number.NaN);
  for (let c = 0; c < p.customers; c++) {
    const lang = langOf(c);
    let waitingSince = Number.NaN;
    for (let j = p.msgStart[c]; j < p.msgStart[c + 1]; j++) {
      const ep = p.mEpisode[j];
      const t = p.mTs[j];
      if (Number.isNaN(epOpened[ep])) epOpened[ep] = t;
      if (p.mDir[j] === IN) {
        if (Number.isNaN(waitingSince)) waitingSince = t;
        const s = inboundScore(lang, p.mSeed[j]);
        if (Number.isNaN(epSentimentStart[ep])) epSentimentStart[ep] = s;
        epSentimentEnd[ep] = s;
      } else if (p.mDir[j] === OUT) {
        if (!Number.isNaN(waitingSince)) {
          waited[j] = t - waitingSince;
          if (Number.isNaN(epFirstResponse[ep])) epFirstResponse[ep] = t;
        }
        waitingSince = Number.NaN;
      } else if (p.mDir[j] === SYS) {
        epResolvedAt[ep] = t;
        waitingSince = Number.NaN;
      }
    }
  }
  const eps = rank(p.episodes, (e) => epOpened[e]);
  return {
    msgId: msgs.id,
    msgOrder: msgs.order,
    waited,
    epId: eps.id,
    epOrder: eps.order,
    epOpened,
    epResolvedAt,
    epFirstResponse,
    epSentimentStart,
    epSentimentEnd,
  };
}
