/** The address of a printable transcript: one episode, or the whole history when episodeId is null. */
export function transcriptHref(threadId: number, episodeId: number | null, tz?: string): string {
  const qs = new URLSearchParams({ ...(episodeId ? { episode: String(episodeId) } : {}), ...(tz ? { tz } : {}) });
  const s = qs.toString();
  return `/transcript/${threadId}${s ? `?${s}` : ''}`;
}
