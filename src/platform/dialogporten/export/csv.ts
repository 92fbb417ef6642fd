// The Altinn inbox's own CSV export (Altinn/dialogporten-frontend packages/frontend/src/pages/Inbox/exportDialogsCsv.ts):
// semicolon separator (what a spreadsheet with Norwegian settings expects, since the decimal mark is a comma), CRLF
// line breaks, a UTF-8 byte-order mark so Excel reads æ, ø and å as UTF-8, and values that start like a formula
// prefixed with an apostrophe so a spreadsheet shows them as text instead of running them.

export const CSV_SEPARATOR = ';';
export const CSV_LINE_BREAK = '\r\n';
export const UTF8_BOM = '\uFEFF';
const NEEDS_QUOTES = /[";\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: formula-guarded, quoted when it holds a quote, separator or line break, quotes doubled. */
export function csvField(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One record with its line break. */
export function csvRecord(values: readonly string[]): string {
  return values.map(csvField).join(CSV_SEPARATOR) + CSV_LINE_BREAK;
}
