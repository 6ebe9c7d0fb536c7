import { parseInstant } from './instant.js';

describe('instants accepted by the API', () => {
  it('parses calendar dates with optional time and zone', () => {
    expect(parseInstant('2026-03-01')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parseInstant('2026-03-01T10:00Z')?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(parseInstant('2026-03-01T12:00:00.123+02:00')?.toISOString()).toBe('2026-03-01T10:00:00.123Z');
  });

  it('refuses what it would otherwise have to guess', () => {
    for (const text of [
      '2024-W01',
      '20240101',
      '2024-01-01T10Z',
      '2024-02-30',
      '2024-13-01',
      'yesterday',
      '2024-01-01T10:00',
      '',
    ]) {
      expect(parseInstant(text)).toBeUndefined();
    }
  });
});
