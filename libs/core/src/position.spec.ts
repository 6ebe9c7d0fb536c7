import { comparePositions, isPosition, positionOf, positionParts } from './position.js';

describe('positions', () => {
  it('order as strings exactly as their (commit, prepare) pairs order', () => {
    const pairs: [bigint, bigint][] = [
      [0n, 0n],
      [9n, 9n],
      [10n, 2n],
      [10n, 10n],
      [18446744073709551615n, 1n],
    ];
    const positions = pairs.map(([c, p]) => positionOf(c, p));
    expect([...positions].reverse().sort()).toEqual(positions);
    expect(comparePositions(positions[1]!, positions[2]!)).toBe(-1);
  });

  it('round-trip through their parts and JSON without a bigint', () => {
    const position = positionOf(12345678901234567890n, 42n);
    expect(positionParts(position)).toEqual({ commit: 12345678901234567890n, prepare: 42n });
    expect(JSON.parse(JSON.stringify({ position }))).toEqual({ position });
    expect(isPosition(position)).toBe(true);
    expect(isPosition('42')).toBe(false);
  });
});
