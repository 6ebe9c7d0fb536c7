import { type Decider, DomainError, type DomainEvent, fold } from '../index.js';

/**
 * Given/when/then for any pure decider: `given` folds past events into a state, `when` runs
 * `decide` on it, `then*` states exactly what must happen. Uses Jest's global `expect`.
 */
export interface Then<TEvent> {
  /** `decide` returns exactly these events, in this order. */
  then(expected: readonly TEvent[]): void;
  /** `decide` returns no event: the command changes nothing. */
  thenNothing(): void;
  /** `decide` throws a DomainError with this code. */
  thenRejects(code: string): void;
}

export interface When<TCommand, TEvent> {
  when(command: TCommand): Then<TEvent>;
  /** Each command, decided alone on the same history, throws a DomainError with this code (a failure names which did not). */
  rejectsEach(code: string, commands: readonly TCommand[]): void;
}

export function given<TCommand, TEvent extends DomainEvent, TState>(
  decider: Decider<TCommand, TEvent, TState>,
  events: readonly TEvent[] = [],
): When<TCommand, TEvent> {
  const state = fold(decider.evolve, decider.initialState(), events);
  const refusal = (command: TCommand): string => {
    try {
      decider.decide(command, state);
      return 'not refused';
    } catch (error) {
      return error instanceof DomainError ? error.code : `not a DomainError: ${String(error)}`;
    }
  };
  return {
    rejectsEach: (code, commands) => expect(commands.map(refusal)).toEqual(commands.map(() => code)),
    when: (command) => ({
      then: (expected) => expect(decider.decide(command, state)).toEqual(expected),
      thenNothing: () => expect(decider.decide(command, state)).toEqual([]),
      thenRejects: (code) => {
        let thrown: unknown;
        try {
          decider.decide(command, state);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(DomainError);
        expect((thrown as DomainError).code).toBe(code);
      },
    }),
  };
}

/**
 * One-line cases on a usual history: `rejects(command, code)` (on another history when named),
 * `changesNothing(command)` and `emits(command, events)`, each a given/when/then on `history`.
 */
export function casesOn<TCommand, TEvent extends DomainEvent, TState>(
  decider: Decider<TCommand, TEvent, TState>,
  history: readonly TEvent[],
) {
  return {
    rejects: (command: TCommand, code: string, on: readonly TEvent[] = history) =>
      given(decider, on).when(command).thenRejects(code),
    changesNothing: (command: TCommand) => given(decider, history).when(command).thenNothing(),
    emits: (command: TCommand, events: readonly TEvent[]) => given(decider, history).when(command).then(events),
  };
}
