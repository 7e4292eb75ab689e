/**
 * Conservative removal of quoted reply history from a plain-text email body. It cuts only at
 * markers mail clients actually write (Gmail/Apple "On … wrote:" in several languages, Outlook's
 * "-----Original Message-----" and "From:/Sent:" header block, a trailing block of "> " lines) and
 * only when real text remains above the cut; otherwise the body is returned untouched.
 */

/** Attribution lines that introduce a quote ("On Mon, 1 Jan 2024 … wrote:" and translations). */
const ATTRIBUTION = [
  /^On\s.{1,300}\swrote:\s*$/i, // English (Gmail, Apple Mail, Thunderbird)
  /^Le\s.{1,300}\sa écrit\s*:\s*$/i, // French
  /^Am\s.{1,300}\sschrieb\s.{0,200}:\s*$/i, // German
  /^El\s.{1,300}\sescribió:\s*$/i, // Spanish
  /^Il giorno\s.{1,300}\sha scritto:\s*$/i, // Italian
  /^W dniu\s.{1,300}\spisze:\s*$/i, // Polish (Gmail)
  /^.{1,300}\s(?:napisał|napisała)\(a\)?:\s*$/i, // Polish (Thunderbird)
  /^เมื่อ\s?.{1,300}เขียนว่า\s*:?\s*$/, // Thai (Gmail)
  /^.{0,300}(?:于|在).{1,300}写道\s*[：:]\s*$/, // Simplified Chinese (Gmail, Foxmail)
  /^.{0,300}(?:於|在).{1,300}寫道\s*[：:]\s*$/, // Traditional Chinese
];

const OUTLOOK_SEPARATOR =
  /^\s*-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Wiadomość oryginalna)\s*-{2,}\s*$/i;
const UNDERSCORE_RULE = /^_{20,}\s*$/;
const HEADER_FROM = /^\*?(From|Von|De|Od|จาก|发件人|寄件者)\s*[:：]/i;
const HEADER_NEXT = /^\*?(Sent|Date|Gesendet|Envoyé|Wysłano|Data|ส่ง|发送时间|寄件日期|To|An|À|Do)\s*[:：]/i;

/** Index of the first line where quoted history starts, or -1. */
function findCut(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (ATTRIBUTION.some((re) => re.test(line))) return i;
    // Gmail wraps long attributions over two lines.
    const joined = `${line} ${(lines[i + 1] ?? '').trim()}`;
    if (line.length > 0 && /^(On|W dniu|Le|Am|El)\s/i.test(line) && ATTRIBUTION.some((re) => re.test(joined))) return i;
    if (OUTLOOK_SEPARATOR.test(line)) return i;
    if ((UNDERSCORE_RULE.test(line) && HEADER_FROM.test((lines[i + 1] ?? '').trim())) || isHeaderBlock(lines, i))
      return i;
  }
  // A trailing run of "> " lines (ignoring blank lines) is a bottom-quoted reply.
  let end = lines.length - 1;
  while (end >= 0 && lines[end].trim() === '') end--;
  let start = end;
  while (start >= 0 && (lines[start].startsWith('>') || lines[start].trim() === '')) start--;
  let first = start + 1;
  while (first < end && lines[first].trim() === '') first++;
  return first <= end && lines[first].startsWith('>') ? first : -1;
}

function isHeaderBlock(lines: string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i].trim())) return false;
  const following = lines.slice(i + 1, i + 4).map((l) => l.trim());
  return following.some((l) => HEADER_NEXT.test(l));
}

/** Returns the reply without its quoted history, and whether anything was removed. */
export function stripQuotedReply(body: string): { text: string; stripped: boolean } {
  const lines = body.split(/\r?\n/);
  const cut = findCut(lines);
  if (cut <= 0) return { text: body, stripped: false };
  const kept = lines.slice(0, cut).join('\n').replace(/\s+$/, '');
  if (kept.trim() === '') return { text: body, stripped: false };
  return { text: kept, stripped: true };
}
