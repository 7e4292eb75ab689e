// CSV cells as spreadsheets read them safely (RFC 4180 quoting; formula injection neutralised).

// A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets
// (tab and carriage return too, per OWASP): prefix a quote so it is shown as text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: null/undefined empty, formulas neutralised, quoted when it holds , " or a line break. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (CRLF-terminated, as RFC 4180 asks). */
export function csvRow(cells: Array<string | number | boolean | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
