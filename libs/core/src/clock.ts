import { randomUUID } from 'node:crypto';

/** Time and ids come from outside the domain so deciders stay pure and tests deterministic. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface IdGenerator {
  uuid(): string;
}

export const randomIds: IdGenerator = { uuid: () => randomUUID() };
