import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#core';

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

export const fmt = (n: number, digits = 2) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** A realistic event: a user added to a site, with the metadata every command records. */
export function sampleEvent(i: number, occurredAt = new Date().toISOString()): NewEvent {
  return {
    id: randomUUID(),
    type: 'UserAdded',
    data: {
      siteId: String(1000 + (i % 500)),
      userId: `user${i}@example.com`,
      firstName: 'Ana',
      lastName: `Lopez ${i}`,
      email: `user${i}@example.com`,
      role: 'user',
      privileges: { softwareAccess: 'downloads', reporting: 'view' },
    },
    metadata: {
      actorId: 'admin@example.com',
      occurredAt,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      command: 'AddUser',
      confirmationNumber: '7KQ2-M9XD-4PTR',
      hash: 'f'.repeat(64),
    },
  };
}
