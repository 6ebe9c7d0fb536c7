import { csvCell, parseCsv, toCsv } from './csv.js';

describe('CSV (RFC 4180 with formula-injection guard)', () => {
  it('quotes commas, quotes and line breaks, and ends lines with CRLF', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', 3]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",3\r\n');
  });

  it('neutralises cells a spreadsheet would evaluate', () => {
    expect(['=SUM(A1)', '+1', '-1', '@cmd', '\tx'].map(csvCell)).toEqual(["'=SUM(A1)", "'+1", "'-1", "'@cmd", "'\tx"]);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
  });

  it('parses what it writes', () => {
    const rows = [['name', 'note'], ['Ana, Jr.', 'a "quoted"\r\nnote'], ['', '=1+1']];
    expect(parseCsv(toCsv(rows[0], rows.slice(1)))).toEqual([['name', 'note'], ['Ana, Jr.', 'a "quoted"\r\nnote'], ['', "'=1+1"]]);
  });
});
