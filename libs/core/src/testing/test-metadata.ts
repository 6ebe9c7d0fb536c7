import type { EventMetadata } from '../index.js';

/** Placeholder metadata for store, subscription and projection tests that never look at it. */
export const TEST_METADATA: EventMetadata = {
  actorId: 'a',
  occurredAt: '2026-01-01T00:00:00.000Z',
  correlationId: 'c',
  causationId: 'c',
  command: 'T',
  confirmationNumber: 'X',
  hash: 'h',
};
