import { DomainError, type SnapshotCodec } from '../index.js';

/**
 * Helpers for a snapshot codec's spec: a state restored from a snapshot must be the full fold's
 * state and decide exactly as it does. Uses Jest's global `expect`.
 */

/** A state with its persistent maps spelled out as entry lists, so that `toEqual` compares contents. */
export const plainState = (state: object) =>
  Object.fromEntries(Object.entries(state).map(([key, value]) => [key, typeof value?.entries === 'function' ? [...value.entries()] : value]));

/** Through a snapshot and its JSON text, as the SQLite snapshot store keeps it. */
export const throughSnapshot = <TState>(codec: SnapshotCodec<TState>, state: TState): TState =>
  codec.fromJson(JSON.parse(JSON.stringify(codec.toJson(state))));

/** What deciding comes to: the events, or `{ refused: code }` for a DomainError. */
function outcome<TCommand, TState, TEvent>(decide: (command: TCommand, state: TState) => readonly TEvent[], state: TState, command: TCommand) {
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
