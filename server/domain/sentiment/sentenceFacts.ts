import type { Unit } from './match';

// Acknowledgements that make a following "thanks" a sign-off ("ok thanks, I'll check").
const ACK = new Set([
  'ok',
  'okay',
  'okey',
  'oki',
  'okej',
  'k',
  'alright',
  'dobra',
  'dobrze',
  'jasne',
  'spoko',
  '好的',
  '好',
  'โอเค',
]);
const PARTICLES = new Set(['ค่ะ', 'ครับ', 'คะ', 'นะ', 'นะคะ', 'จ้า', '啊', '呀', '哦', '嗯']);

/** True when unit k (alone or with the next unit) is a request word: "please", "could you", "รบกวน", "麻烦". */
export function hasRequestWord(units: Unit[], k: number): boolean {
  const u = units[k];
  if (!u.lex) return false;
  if (u.lex.requestWords.has(u.key)) return true;
  const next = units[k + 1];
  // Joined with the next unit only when some request word starts with this one.
  return !!next && u.lex.requestPrefixes.has(u.key) && u.lex.requestWords.has(u.key + u.lex.joiner + next.key);
}

/** Per unit: is its sentence a question, and is that question a polite request ("could you…?"). */
export function sentences(units: Unit[]): { question: boolean[]; polite: boolean[] } {
  const question = new Array<boolean>(units.length).fill(false);
  const polite = new Array<boolean>(units.length).fill(false);
  let start = 0;
  for (let k = 0; k <= units.length; k++) {
    if (k < units.length && !(units[k].kind === 'break' && units[k].sentenceEnd)) continue;
    let end = k;
    while (end < units.length && units[end].kind === 'break' && units[end].sentenceEnd) end++;
    let closers = '';
    for (let j = k; j < end; j++) closers += units[j].key;
    // The sentence's words: every unit but emoji and breaks.
    let opener: Unit | undefined;
    let closer: Unit | undefined;
    let asks = false;
    for (let j = start; j < k; j++) {
      const w = units[j];
      if (w.kind === 'emoji' || w.kind === 'break') continue;
      opener ??= w;
      closer = w;
      asks ||= !!w.lex?.questionWords.has(w.key);
    }
    const q =
      closers.includes('?') ||
      asks ||
      (!!opener && !!opener.lex?.questionStarts.has(opener.key.split(' ')[0])) ||
      (!!closer && !!closer.lex?.questionEnds.has(closer.key));
    let p = false;
    for (let j = start; j < k && q && !p; j++) p = hasRequestWord(units, j);
    for (let j = start; j < end; j++) {
      question[j] = q;
      polite[j] = p;
    }
    start = end;
    k = Math.max(k, end - 1);
  }
  return { question, polite };
}

/** True when the thanks at k follows a bare acknowledgement ("ok, thanks", "好的谢谢"). */
export function afterAck(units: Unit[], k: number): boolean {
  let j = k - 1;
  while (j >= 0 && (units[j].kind === 'break' || PARTICLES.has(units[j].key))) j--;
  return j >= 0 && ACK.has(units[j].key);
}

/** True when a clearly positive word sits within three units of k in the same clause ("problem solved", "fixed the bug"). */
export function nearFix(units: Unit[], k: number): boolean {
  for (const step of [-1, 1]) {
    for (let j = k + step, n = 0; n < 3 && j >= 0 && j < units.length && units[j].kind !== 'break'; j += step, n++) {
      const e = units[j].entry;
      if (e && !e.role && !e.thanks && e.v >= 1.2) return true;
    }
  }
  return false;
}

/** True when the thanks at k names what was done ("thanks for…", "dzięki za…", "ขอบคุณที่…"). */
export function thanksHasObject(units: Unit[], k: number): boolean {
  for (let j = k + 1; j <= k + 3 && j < units.length && units[j].kind !== 'break'; j++) {
    if (units[k].lex?.thanksObjects.has(units[j].key)) return true;
  }
  return false;
}
