/**
 * A portable, totally ordered position in the global event log.
 * EventStoreDB positions are (commit, prepare) bigint pairs; SQLite has one integer (used for both).
 * Serialised as two fixed-width decimal strings so that string order equals log order in every
 * store, and so a bigint never reaches JSON.stringify.
 */
export type Position = string & { readonly __brand: 'Position' };

const WIDTH = 20;
const PATTERN = /^\d{20}-\d{20}$/;

export function positionOf(commit: bigint, prepare: bigint): Position {
  if (commit < 0n || prepare < 0n) throw new RangeError('positions are never negative');
  return `${commit.toString().padStart(WIDTH, '0')}-${prepare.toString().padStart(WIDTH, '0')}` as Position;
}

export function positionParts(position: Position): { commit: bigint; prepare: bigint } {
  const [commit = '', prepare = ''] = position.split('-');
  return { commit: BigInt(commit), prepare: BigInt(prepare) };
}

export function isPosition(value: unknown): value is Position {
  return typeof value === 'string' && PATTERN.test(value);
}

export function parsePosition(value: string): Position | undefined {
  return isPosition(value) ? value : undefined;
}

export function comparePositions(a: Position, b: Position): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
