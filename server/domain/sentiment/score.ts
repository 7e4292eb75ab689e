import type { Unit } from './match';
import { afterAck, hasRequestWord, nearFix, sentences, thanksHasObject } from './sentenceFacts';
import { emojiSum, emphasis, hasSarcasmMarker } from './signals';
import type { LexEntry } from './types';

/** Message-wide facts the scorer needs beyond the units themselves. */
export interface ScoreContext {
  /** Most Latin words are in capitals: the whole message is shouted. */
  shouting: boolean;
}

const NEG_WINDOW = 4;
// Negators that are complaints on their own when nothing follows ("…i dalej jej nie ma").
const DANGLING = new Set([
  ...['nothing', 'without', "isn't", 'isnt', "wasn't", 'wasnt'],
  ...['nie ma', 'nie bylo', 'nie jest', 'nie byl', 'nie byla', 'bez'],
  ...['ไม่มี', '没有'],
]);

const isMod = (u: Unit | undefined) => u?.kind === 'hit' && u.entry?.role === 'mod';
const isPolar = (e: LexEntry | undefined) => !!e && !e.role && (e.v !== 0 || e.neg !== undefined);

function modFactor(units: Unit[], k: number): number {
  let f = 1;
  for (let j = k - 1; isMod(units[j]) && units[j].entry!.at !== 'post'; j--) f *= units[j].entry!.factor ?? 1;
  for (let j = k + 1; isMod(units[j]) && units[j].entry!.at !== 'pre'; j++) f *= units[j].entry!.factor ?? 1;
  return Math.min(3, Math.max(0.3, f));
}

// A modifier that also carries a valence ("super", Chinese 好) counts as a word when it modifies nothing.
function modHasTarget(units: Unit[], k: number): boolean {
  const at = units[k].entry!.at;
  const look = (step: number) => {
    let j = k + step;
    while (isMod(units[j])) j += step;
    return isPolar(units[j]?.entry) || (units[j]?.entry?.role === 'mod' && (units[j].entry!.v ?? 0) !== 0);
  };
  return (at !== 'post' && look(1)) || (at !== 'pre' && look(-1));
}

type Negation = { key: string; dist: number; weak: boolean; still: boolean; caps: boolean };

// Clauses before the last "but" count half, the one after it more ("ok, but it broke").
function butFactor(butAt: number, k: number): number {
  return butAt < 0 ? 1 : k < butAt ? 0.5 : 1.3;
}

// Ends a clause: a negator left dangling at its end ("…i dalej jej nie ma") is a complaint on its own.
function closeClause(neg: Negation | null, vals: number[], inQuestion: boolean, butWeight: number): null {
  if (neg && DANGLING.has(neg.key)) vals.push((inQuestion ? -0.35 : -1) * butWeight);
  return null;
}

/** Sums the valences of a message's units, applying negation, modifiers, questions, "but" and emphasis. */
export function scoreUnits(units: Unit[], ctx: ScoreContext): number {
  const { question, polite } = sentences(units);
  let request = false;
  for (let k = 0; k < units.length && !request; k++) request = question[k] || hasRequestWord(units, k);
  const butAt = units.findLastIndex((u) => u.entry?.role === 'but');
  const vals: number[] = [];
  let neg: Negation | null = null;
  let stillAt = -99;
  let negAt = -1;
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    if (u.kind === 'break') {
      neg = closeClause(neg, vals, question[negAt], butFactor(butAt, negAt));
      continue;
    }
    if (u.kind !== 'hit') {
      if (u.kind === 'word' && neg && ++neg.dist > NEG_WINDOW)
        neg = closeClause(neg, vals, question[negAt], butFactor(butAt, negAt));
      continue;
    }
    const e = u.entry!;
    if (e.role === 'negator') {
      closeClause(neg, vals, question[negAt], butFactor(butAt, negAt));
      neg = { key: u.key, dist: 0, weak: !!e.weak, still: k - stillAt <= 2, caps: u.caps };
      negAt = k;
      if (e.v !== 0) vals.push(question[k] && e.soft ? e.v * 0.35 : e.v);
      continue;
    }
    if (e.role === 'still') stillAt = k;
    const ownMod = e.role === 'mod' && e.v !== 0 && !modHasTarget(units, k);
    if (e.role && !ownMod && !(e.role === 'still' && e.v !== 0)) continue;
    // Weak words without a negated sense ("等" wait) let a negation pass on to the word it belongs to.
    const weak = e.neg === undefined && Math.abs(e.v) < 0.5 && !!neg;
    if ((e.v === 0 && (e.neg === undefined || !neg)) || weak) {
      if (neg && ++neg.dist > NEG_WINDOW) neg = closeClause(neg, vals, question[negAt], butFactor(butAt, negAt));
      continue;
    }
    if (e.soft && e.v < 0 && !neg && nearFix(units, k)) continue;
    const f = e.role === 'still' ? 1 : modFactor(units, k);
    let val = e.v * f;
    if (neg && e.role !== 'still') {
      const n: Negation = neg;
      val = e.neg !== undefined ? e.neg * Math.max(1, f) : val > 0 ? -0.8 * val : -0.4 * val;
      if (n.weak) val *= 0.6;
      if (n.still && val < 0) val -= 0.8;
      if (n.caps) val *= 1.3;
      neg = null;
    }
    if (u.caps) val *= ctx.shouting ? 1.15 : 1.35;
    if (u.elongated) val *= 1.2;
    if (question[k]) {
      if (e.soft && val < 0) val *= 0.35;
      else if (val < 0 && polite[k]) val *= 0.5;
      else if (val > 0) val *= 0.6;
    }
    if (e.thanks && val > 0 && request && !thanksHasObject(units, k)) val *= 0.3;
    else if (e.thanks && val > 0 && afterAck(units, k)) val *= 0.4;
    val *= butFactor(butAt, k);
    vals.push(val);
  }
  closeClause(neg, vals, question[negAt], butFactor(butAt, negAt));
  // Praise next to a real complaint plus a sarcasm marker is mockery: flip it, halved.
  const sarcastic = hasSarcasmMarker(units) && vals.some((v) => v <= -1.5);
  let sum = 0;
  for (const v of vals) sum += sarcastic && v > 0 ? -0.5 * v : v;
  const emoji = emojiSum(units, question.some(Boolean));
  sum += emoji;
  const hasPositive = emoji > 0.5 || (!sarcastic && vals.some((v) => v > 0.5));
  return sum + emphasis(units, sum, hasPositive, ctx.shouting);
}
