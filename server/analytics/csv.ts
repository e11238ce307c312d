/** A CSV cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null;

/** Byte-order mark: Excel reads the file as UTF-8 only with it (Chinese and Vietnamese names). */
const BOM = '\uFEFF';

/**
 * One CSV cell (RFC 4180): a text starting with = + - @, a tab or a carriage return gets a leading ' so a spreadsheet
 * never runs it as a formula; a cell with a comma, quote or line break is quoted, quotes doubled. Numbers stay as
 * they are (a negative number is data, not a formula).
 */
export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole CSV document: BOM, header row, rows, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
