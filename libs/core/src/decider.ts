import type { DomainEvent } from './events.js';

/**
 * A pure decider (Chassaing): no clock, no ids, no I/O. Everything it needs to know about the
 * outside world arrives inside the command. `decide` returns [] when nothing would change.
 */
export interface Decider<TCommand, TEvent extends DomainEvent, TState> {
  readonly initialState: () => TState;
  readonly evolve: (state: TState, event: TEvent) => TState;
  readonly decide: (command: TCommand, state: TState) => readonly TEvent[];
  /** Reads a stored event as today's (see eventRegistry); absent: stored events are today's shape. */
  readonly read?: (stored: { readonly type: string; readonly data: object }) => TEvent | undefined;
  /** How this aggregate's state is written to and read from a snapshot; absent: never snapshotted. */
  readonly snapshot?: SnapshotCodec<TState>;
}

/**
 * A pure, versioned translation of an aggregate's state to plain JSON and back. Snapshots are a
 * derived cache: `fromJson(toJson(s))` must behave exactly like `s`. Bump `version` whenever the
 * state's shape or meaning changes; snapshots of another version are ignored and replaced.
 */
export interface SnapshotCodec<TState> {
  readonly version: number;
  readonly toJson: (state: TState) => unknown;
  readonly fromJson: (json: unknown) => TState;
}

export function fold<TEvent extends DomainEvent, TState>(
  evolve: (state: TState, event: TEvent) => TState,
  state: TState,
  events: readonly TEvent[],
): TState {
  return events.reduce(evolve, state);
}

/** One small pure decision per command type; the compiler checks that every type has one. */
export type Decisions<TCommand extends { readonly type: string }, TState, TEvent> = {
  readonly [T in TCommand['type']]: (command: Extract<TCommand, { type: T }>, state: TState) => TEvent[];
};

/** A decide function that hands each command to the decision for its type. */
export function routeByType<TCommand extends { readonly type: string }, TState, TEvent>(
  decisions: Decisions<TCommand, TState, TEvent>,
): (command: TCommand, state: TState) => TEvent[] {
  // The table is complete and keyed by type, so the decision found takes exactly this command.
  return (command, state) =>
    (decisions[command.type as TCommand['type']] as (command: TCommand, state: TState) => TEvent[])(command, state);
}
