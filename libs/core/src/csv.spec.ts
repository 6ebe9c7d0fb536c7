import { csvCell, isFormulaLike, parseCsv, toCsv } from './csv.js';

describe('CSV (RFC 4180 with formula-injection guard)', () => {
  it('quotes commas, quotes and line breaks, and ends lines with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', 3],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",3\r\n');
  });

  it('neutralises cells a spreadsheet would evaluate', () => {
    expect(['=SUM(A1)', '+1', '-1', '@cmd', '\tx'].map(csvCell)).toEqual(["'=SUM(A1)", "'+1", "'-1", "'@cmd", "'\tx"]);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
  });

  it.each([
    ' =1+1',
    '\n=1+1',
    'a;=1+1',
    '\t=1+1',
    '\u00a0=1',
    '\u0000@SUM(A1)',
    'ok\r\n-2+3',
    'a, +1',
    'x\t@y',
    '\uff1d1+1',
  ])('neutralises a formula hidden behind blanks, control characters or a separator: %j', (text) => {
    expect(isFormulaLike(text)).toBe(true);
    expect(parseCsv(toCsv(['cell'], [[text]]))[1]).toEqual([`'${text}`]);
  });

  it.each(['plain', 'Ana-Maria', 'name@example.com', 'a=b', '12', ''])('leaves ordinary text alone: %j', (text) => {
    expect(isFormulaLike(text)).toBe(false);
    expect(csvCell(text)).toBe(text);
  });

  it('parses what it writes', () => {
    const rows = [
      ['name', 'note'],
      ['Ana, Jr.', 'a "quoted"\r\nnote'],
      ['', '=1+1'],
    ];
    expect(parseCsv(toCsv(rows[0]!, rows.slice(1)))).toEqual([
      ['name', 'note'],
      ['Ana, Jr.', 'a "quoted"\r\nnote'],
      ['', "'=1+1"],
    ]);
  });
});
