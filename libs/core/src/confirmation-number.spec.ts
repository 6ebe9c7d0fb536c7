import { newConfirmationNumber, normalizeConfirmationNumber } from './confirmation-number.js';

describe('confirmation numbers', () => {
  it('are 12 Crockford base-32 characters in three groups of four', () => {
    for (let i = 0; i < 200; i++)
      expect(newConfirmationNumber()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/);
  });

  it('do not repeat across many draws', () => {
    const seen = new Set(Array.from({ length: 10_000 }, () => newConfirmationNumber()));
    expect(seen.size).toBe(10_000);
  });

  it('are found case-insensitively, with or without dashes, forgiving look-alikes', () => {
    expect(normalizeConfirmationNumber('7kq2m9xd4ptr')).toBe('7KQ2-M9XD-4PTR');
    expect(normalizeConfirmationNumber('7KQ2-M9XD-4PTR')).toBe('7KQ2-M9XD-4PTR');
    expect(normalizeConfirmationNumber('7kq2 m9xd 4ptr')).toBe('7KQ2-M9XD-4PTR');
    expect(normalizeConfirmationNumber('OKQ2-M9XD-4PTl')).toBe('0KQ2-M9XD-4PT1');
  });

  it('reject anything that cannot be one', () => {
    expect(normalizeConfirmationNumber('7KQ2-M9XD-4PT')).toBeUndefined();
    expect(normalizeConfirmationNumber('7KQ2-M9XD-4PTU')).toBeUndefined();
    expect(normalizeConfirmationNumber('')).toBeUndefined();
  });
});
