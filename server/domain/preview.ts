const MAX_PREVIEW = 140;

/** One-line preview of a message for the inbox list (by code points, so Thai and emoji stay whole). */
export function previewOf(m: { text: string; subject: string | null; attachments: readonly unknown[] }): string {
  const base = m.text.trim() || m.subject?.trim() || (m.attachments.length > 0 ? '📎' : '');
  const oneLine = base.replace(/\s+/g, ' ');
  const chars = [...oneLine];
  return chars.length > MAX_PREVIEW ? `${chars.slice(0, MAX_PREVIEW - 1).join('')}…` : oneLine;
}
