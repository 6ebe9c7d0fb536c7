import type { RecordedEvent } from '#core';
import type { ReadStreamOptions } from './event-store.port.js';

/** Whether an event's payload holds `mentioning.value` at one of `mentioning.paths` (adapters without server-side filtering use this). */
export function mentions(event: RecordedEvent, mentioning: NonNullable<ReadStreamOptions['mentioning']>): boolean {
  return mentioning.paths.some((path) => {
    let node: unknown = event.data;
    for (const part of path.split('.'))
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    return node === mentioning.value;
  });
}
