/**
 * Counts CSV records as bytes stream in: a line break ends a record only outside a quoted cell
 * (a message text may contain line breaks). The first record is the header and is not counted.
 */
export class CsvRowCounter {
  private quoted = false;
  private lines = 0;

  /** Feed the next decoded piece of the file. */
  push(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) this.quoted = !this.quoted;
      else if (c === 10 && !this.quoted) this.lines++;
    }
  }

  /** Data rows seen so far (records after the header). */
  get rows(): number {
    return Math.max(0, this.lines - 1);
  }
}

/** The file name a Content-Disposition header asks for, or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const m = disposition ? /filename="([^"]+)"/.exec(disposition) : null;
  return m ? m[1] : fallback;
}
