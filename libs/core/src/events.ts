import type { Position } from './position.js';

/** What a decider emits: a past-tense fact with a plain-JSON payload. */
export interface DomainEvent<TType extends string = string, TData extends object = object> {
  readonly type: TType;
  readonly data: TData;
}

/** Recorded with every event: every change is a transaction, with its actor, time and confirmation number. */
export interface EventMetadata {
  readonly actorId: string;
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly command: string;
  readonly confirmationNumber: string;
  /** SHA-256 over the previous event's hash in the stream and this event (see hash-chain.ts). */
  readonly hash: string;
  readonly [extra: string]: unknown;
}

/** An event ready to be appended: ids are chosen by the writer so retries are idempotent. */
export interface NewEvent {
  readonly id: string;
  readonly type: string;
  readonly data: object;
  readonly metadata: EventMetadata;
}

/** An event as read back from the store. */
export interface RecordedEvent<TData extends object = Record<string, unknown>> {
  readonly id: string;
  readonly stream: string;
  /** 0-based revision inside its stream. */
  readonly revision: number;
  readonly position: Position;
  readonly type: string;
  readonly data: TData;
  readonly metadata: EventMetadata;
}

/** What an event type of a context needs besides its name: how to read older stored shapes. */
export interface EventTypeEntry<TData> {
  /** Reads a payload stored by an older version as today's shape (events are kept forever). */
  readonly upcast?: (stored: Record<string, unknown>) => TData;
}

/** One entry per event type of the union: a type left out does not compile. */
export type EventRegistryEntries<E extends DomainEvent> = {
  readonly [T in E['type']]: EventTypeEntry<Extract<E, { type: T }>['data']>;
};

export interface EventRegistry<E extends DomainEvent> {
  readonly types: readonly E['type'][];
  /** Whether a stored event is one of these types. */
  has(event: { readonly type: string }): boolean;
  /** A stored event as today's domain event (upcast when it was stored in an older shape), or undefined when not of these types. */
  read(event: { readonly type: string; readonly data: object }): E | undefined;
  /** The same for a recorded event, keeping its id, position and metadata (what projections need). */
  readRecorded(event: RecordedEvent): (RecordedEvent & E) | undefined;
}

/** A context's exhaustive event registry: its type list, type guard and upcasters in one place. */
export function eventRegistry<E extends DomainEvent>(entries: EventRegistryEntries<E>): EventRegistry<E> {
  const types = Object.keys(entries) as E['type'][];
  const known = new Set<string>(types);
  return {
    types,
    has: (event) => known.has(event.type),
    read(event) {
      if (!known.has(event.type)) return undefined;
      const upcast = (entries as Record<string, EventTypeEntry<object>>)[event.type]!.upcast;
      return { type: event.type, data: upcast ? upcast(event.data as Record<string, unknown>) : event.data } as E;
    },
    readRecorded(event) {
      const read = this.read(event);
      return read && ({ ...event, data: read.data } as RecordedEvent & E);
    },
  };
}
