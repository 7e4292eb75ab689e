import type { Unit } from './match';

// Markers that turn praise next to a complaint into sarcasm ("broke on day one lol great quality").
const SARCASM = new Set(['lol', 'lmao', 'rofl', 'xd', 'xdd', '555', '呵呵', '🙄', '🙃', '😒', '😏', 'yeah right']);

/** True when the message carries a sarcasm marker (🙄, "lol", 呵呵, 555). */
export function hasSarcasmMarker(units: Unit[]): boolean {
  return units.some((u) => SARCASM.has(u.key));
}

/** Sum of emoji valences; repeats count less, and a smiley on a question is mere politeness. */
export function emojiSum(units: Unit[], inQuestion: boolean): number {
  const seen = new Map<string, number>();
  let sum = 0;
  for (const u of units) {
    if (u.kind !== 'emoji' || !u.v) continue;
    const n = seen.get(u.key) ?? 0;
    seen.set(u.key, n + 1);
    sum += u.v * (n === 0 ? 1 : n < 3 ? 0.4 : 0) * (inQuestion && u.v > 0 ? 0.6 : 1);
  }
  return sum;
}

/**
 * Emphasis from punctuation and capitals: "!!!" amplifies whatever the message already says;
 * "??", "?!", shouting and CAPITALISED words read as frustration when nothing in it is positive.
 */
export function emphasis(units: Unit[], sum: number, hasPositive: boolean, shouting: boolean): number {
  // Runs of adjacent punctuation only: "Hi! … on?" is not "!?".
  const runs = units.map((u) => (u.kind === 'break' ? u.key.trim() : '\n')).join('');
  const bangs = (runs.match(/!/g) ?? []).length;
  let adj = 0;
  if (sum > 0.3) adj += Math.min(bangs, 4) * 0.2;
  else if (sum < -0.3) adj -= Math.min(bangs, 4) * 0.25;
  if (hasPositive) return adj;
  if (/\?[?!]|!\?/.test(runs) && sum <= 0.3) adj -= 0.9;
  else if (bangs >= 2 && Math.abs(sum) <= 0.3) adj -= 0.5;
  if (shouting) adj -= 1.2;
  const capsWords = units.filter((u) => u.kind === 'word' && u.caps && u.key.length >= 4).length;
  if (!shouting) adj -= Math.min(capsWords, 3) * 0.3;
  return adj;
}
