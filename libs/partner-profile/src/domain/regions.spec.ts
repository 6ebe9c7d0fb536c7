import { KNOWN_COUNTRIES, type Region, regionOf } from './regions.js';

describe('regionOf', () => {
  it.each<[string, Region]>([
    ['US', 'north_america'],
    ['CA', 'north_america'],
    ['MX', 'latin_america'],
    ['BR', 'latin_america'],
    ['DE', 'emea'],
    ['GB', 'emea'],
    ['ZA', 'emea'],
    ['AE', 'emea'],
    ['JP', 'japan'],
    ['CN', 'asia_pacific'],
    ['IN', 'asia_pacific'],
    ['AU', 'asia_pacific'],
    // lower- or mixed-case codes are accepted
    ['us', 'north_america'],
    ['de', 'emea'],
    ['jp', 'japan'],
    ['Br', 'latin_america'],
  ])('%s is in %s', (country, region) => {
    expect(regionOf(country)).toBe(region);
  });

  it.each(['XX', 'xx', '', 'USA'])('does not know %j', (country) => {
    expect(regionOf(country)).toBeUndefined();
  });

  it('lists every known country once, upper-case and sorted, each with a region', () => {
    expect(new Set(KNOWN_COUNTRIES).size).toBe(KNOWN_COUNTRIES.length);
    expect([...KNOWN_COUNTRIES].sort()).toEqual(KNOWN_COUNTRIES);
    for (const code of KNOWN_COUNTRIES) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      expect(regionOf(code)).toBeDefined();
    }
  });
});
