/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break, and
 * cells a spreadsheet might run as a formula neutralised with a leading apostrophe (OWASP "CSV
 * injection"; see `isFormulaLike`).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// Spreadsheets skip leading blanks and control characters before deciding a cell is a formula,
// and on import may split a cell on ; , tab or line breaks (locale, "text to columns"), so a
// trigger after any of those counts too; a leading tab or CR is itself suspicious (OWASP).
// Full-width variants are included because some spreadsheets normalise them. A false positive
// only costs an apostrophe.
const FORMULA_LIKE = /(^|[\r\n\t;,])[\s\x00-\x1f\x7f\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (isFormulaLike(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** True when a spreadsheet could evaluate `text` (or a piece of it after splitting) as a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_LIKE.test(text);
}

/** Parses RFC 4180 CSV back into rows (used by tests and scripts that consume our reports). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
