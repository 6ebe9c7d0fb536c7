import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The link of the tamper-evident chain: SHA-256 over the previous event's hash in the same stream
 * and the canonical JSON of this event's type, data and metadata (without `hash` itself).
 */
export function eventHash(
  previousHash: string,
  event: { type: string; data: unknown; metadata: Record<string, unknown> },
): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  return createHash('sha256')
    .update(previousHash)
    .update('\n')
    .update(canonicalJson({ type: event.type, data: event.data, metadata }))
    .digest('hex');
}
