import type { Position } from './position.js';

/** What a decider emits: a past-tense fact with a plain-JSON payload. */
export interface DomainEvent<TType extends string = string, TData extends object = object> {
  readonly type: TType;
  readonly data: TData;
}

/** Recorded with every event; see domain.md "Every change is a transaction". */
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
