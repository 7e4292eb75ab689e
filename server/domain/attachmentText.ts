/** An attachment as text-only channels need it. */
export interface LinkedFile {
  url?: string;
  name?: string;
}

/** Text plus one "📎 name: link" line per attachment with a URL (for channels that only carry text). */
export function withAttachmentLinks(text: string, attachments: LinkedFile[]): string {
  const links = attachments.filter((a) => typeof a.url === 'string').map((a) => `📎 ${a.name ?? 'file'}: ${a.url}`);
  return links.length === 0 ? text : `${text}\n\n${links.join('\n')}`;
}
