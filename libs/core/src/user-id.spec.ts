import { hasControlCharacters, isValidUserId, normalizeUserId, userIdFromSubject } from './user-id.js';

describe('user ids', () => {
  it('normalises to NFKC lower case', () => {
    expect(normalizeUserId(' Ana@Example.COM ')).toBe('ana@example.com');
    expect(normalizeUserId('\uFF21na@x')).toBe('ana@x'); // full-width A
  });

  it('accepts printable ids and refuses controls, separators and format characters', () => {
    expect(isValidUserId('ana@example.com')).toBe(true);
    expect(isValidUserId('zoë.müller@example.de')).toBe(true);
    for (const bad of ['ana\r\n@x', 'ana\u0000@x', 'ana @x', 'ana\u202E@x', 'ana\u200B@x', '', 'a'.repeat(255)]) {
      expect(isValidUserId(bad)).toBe(false);
    }
  });

  it('refuses a token subject that only becomes an existing id by folding (Kelvin sign)', () => {
    expect(userIdFromSubject('\u212Aim@x')).toBeUndefined();
    expect(userIdFromSubject('Kim@x')).toBe('kim@x');
    expect(userIdFromSubject('kim@x\n')).toBeUndefined();
    expect(userIdFromSubject('kim\u202E@x')).toBeUndefined();
  });

  it('finds line breaks, NUL and bidi overrides in names', () => {
    expect(hasControlCharacters('Zoë Müller-Lüdenscheidt')).toBe(false);
    for (const bad of ['A\nB', 'A\rB', 'A\u0000', '\u202Eevil', 'A\u2028B'])
      expect(hasControlCharacters(bad)).toBe(true);
  });
});
