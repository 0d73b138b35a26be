/**
 * How every CSV Lantern writes holds a cell (shared kernel: the server's CSV export and the
 * workspace's flagged-list download), so that a spreadsheet shows hostile text as text:
 * - a cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
 *   return) is prefixed with `'` (OWASP, CSV injection); plain numbers such as `-0.97` stay as they are;
 * - a cell holding a separator (`,` `;` tab), a quote or a line break is quoted, so a spreadsheet that
 *   splits on `;` (European locales) or tab cannot begin a new cell inside it with `=` (OWASP: "take
 *   care of the field separator").
 * `csvText` takes csv-stringify's `stringify` (server and browser builds differ) and writes a
 * byte-order mark (spreadsheets then read accents right) and CRLF records (RFC 4180).
 */

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** A cell a spreadsheet will show as text, never evaluate. */
export function safeCell(v: string): string {
  return FORMULA.test(v) && !NUMBER.test(v) ? `'${v}` : v;
}

/** csv-stringify's options for every Lantern CSV. */
export const CSV_OPTIONS = { quoted_match: /[\s",;]/, record_delimiter: 'windows' } as const;

type Stringify = (records: string[][], options: typeof CSV_OPTIONS) => string;

/** A whole CSV file: the header (which can name properties from the data), then the rows, every cell made safe. */
export function csvText(stringify: Stringify, header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${stringify([header, ...rows].map((r) => r.map(safeCell)), CSV_OPTIONS)}`;
}
