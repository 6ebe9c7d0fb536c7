import { DomainError, type SnapshotCodec } from '../index.js';

/**
 * Helpers for a snapshot codec's spec: a state restored from a snapshot must be the full fold's
 * state and decide exactly as it does. Uses Jest's global `expect`.
 */

/**
 * Every field, each persistent map as its entries sorted by key. A map's iteration order carries no
 * meaning (PersistentMapLike: no decision may depend on it), and a restored map (a LayeredMap) keeps
 * its snapshot's order, not the hash order an immutable Map folded from the start has.
 */
export const plainState = (state: object) =>
  Object.fromEntries(
    Object.entries(state).map(([key, value]) => [
      key,
      typeof value?.entries === 'function'
        ? [...(value as { entries(): Iterable<[unknown, unknown]> }).entries()].sort(([a], [b]) =>
            String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
          )
        : value,
    ]),
  );

/** Through a snapshot and its JSON text, as the SQLite snapshot store keeps it. */
export const throughSnapshot = <TState>(codec: SnapshotCodec<TState>, state: TState): TState =>
  codec.fromJson(JSON.parse(JSON.stringify(codec.toJson(state))));

/** The history holds exactly these event types, so that comparing the states it folds into is not vacuous. */
export function expectEventTypes(events: readonly { readonly type: string }[], types: readonly string[]): void {
  expect(new Set(events.map((e) => e.type))).toEqual(new Set(types));
}

/** What deciding comes to: the events, or `{ refused: code }` for a DomainError. */
function outcome<TCommand, TState, TEvent>(
  decide: (command: TCommand, state: TState) => readonly TEvent[],
  state: TState,
  command: TCommand,
) {
  try {
    return decide(command, state);
  } catch (error) {
    return error instanceof DomainError ? { refused: error.code } : error;
  }
}

/**
 * `restored` answers every command exactly as `full` does; the commands must include at least one
 * refusal and one change, so the comparison is not vacuous.
 */
export function expectSameDecisions<TCommand, TState, TEvent>(
  decide: (command: TCommand, state: TState) => readonly TEvent[],
  restored: TState,
  full: TState,
  commands: readonly TCommand[],
): void {
  const answers = commands.map((c) => outcome(decide, restored, c));
  expect(answers.some((a) => !Array.isArray(a))).toBe(true);
  expect(answers.some((a) => Array.isArray(a) && a.length > 0)).toBe(true);
  expect(answers).toEqual(commands.map((c) => outcome(decide, full, c)));
}
