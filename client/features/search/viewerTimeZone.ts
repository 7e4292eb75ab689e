/** The viewer's time zone: date filters, exports and transcripts count days and times in it. */
export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
