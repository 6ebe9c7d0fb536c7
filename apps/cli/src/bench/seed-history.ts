import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { randomIds, systemClock } from '#core';
import { enterpriseStream } from '#partner-profile/domain/enterprise.streams';
import { siteStream } from '#site-access/domain/site.streams';
import { CommandPipeline, SqliteEventStore, newCommandMeta } from '#event-store';
import { SQLITE_PRAGMAS, SQLITE_SCHEMA } from '#event-store/sqlite/sqlite-schema';
import type { EnterpriseCommand } from '#partner-profile/domain/enterprise.commands';
import { enterpriseDecider } from '#partner-profile/domain/enterprise.decider';
import { siteHistory } from './site-history.js';

export const FIRST_SITE = 100000;
export const siteIdOf = (i: number) => String(FIRST_SITE + i);

const INSERT =
  'INSERT INTO events (event_id, stream, revision, type, data, metadata, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)';

/**
 * Writes `sites` site histories of `perSite` events (made by the real Site decider, hash-chained)
 * straight into an events.sqlite with the event store's own schema, 50,000 rows per transaction
 * and synchronous=OFF: setting up is not what is measured. Answers the number of events written.
 */
export function seedSitesFast(file: string, sites: number, perSite: number, progress?: (done: number) => void): number {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  for (const pragma of SQLITE_PRAGMAS) db.pragma(pragma);
  db.pragma('synchronous = OFF');
  db.exec(SQLITE_SCHEMA);
  const insert = db.prepare(INSERT);
  const write = db.transaction((rows: unknown[][]) => {
    for (const row of rows) insert.run(...row);
  });
  let rows: unknown[][] = [];
  let total = 0;
  for (let site = 0; site < sites; site++) {
    const siteId = siteIdOf(site);
    const stream = siteStream.of(siteId);
    let revision = 0;
    for (const batch of siteHistory(siteId, perSite)) {
      for (const e of batch) {
        rows.push([
          e.id,
          stream,
          revision++,
          e.type,
          JSON.stringify(e.data),
          JSON.stringify(e.metadata),
          e.metadata.occurredAt,
        ]);
      }
    }
    if (rows.length >= 50_000) {
      write(rows);
      total += rows.length;
      rows = [];
      progress?.(total);
    }
  }
  if (rows.length > 0) write(rows);
  total += rows.length;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return total;
}

/** Copies the first `count` events of one events file into a new one (the same rows, positions and hashes). */
export function copyEvents(from: string, to: string, count: number): void {
  mkdirSync(dirname(to), { recursive: true });
  const db = new Database(to);
  for (const pragma of SQLITE_PRAGMAS) db.pragma(pragma);
  db.pragma('synchronous = OFF');
  db.exec(SQLITE_SCHEMA);
  db.prepare('ATTACH DATABASE ? AS seed').run(from);
  db.prepare('INSERT INTO events SELECT * FROM seed.events WHERE position <= ? ORDER BY position').run(count);
  db.exec('DETACH DATABASE seed');
  db.close();
}

export interface PartnerSeed {
  readonly enterpriseId: string;
  readonly locationId: string;
  readonly prcUserId: string;
  readonly employees: number;
}

/** A small partner history through the real command pipeline: one enterprise, one location, its PRC and `employees` more. */
export async function seedPartner(file: string, employees = 50): Promise<PartnerSeed> {
  const store = new SqliteEventStore(file);
  const pipeline = new CommandPipeline(store);
  const enterpriseId = 'e1000000-0000-4000-8000-000000000001';
  const locationId = 'b1000000-0000-4000-8000-000000000001';
  const prcUserId = 'prc@partner.example';
  const digest = 'a'.repeat(64);
  const run = async (command: EnterpriseCommand) =>
    pipeline.execute({
      stream: enterpriseStream.of(enterpriseId),
      decider: enterpriseDecider,
      command,
      meta: newCommandMeta({ commandName: command.type, actorId: command.actor.userId }, systemClock, randomIds),
    });
  const at = () => new Date().toISOString();
  await run({
    type: 'RegisterEnterprise',
    actor: { userId: prcUserId, operator: false, auditor: false },
    at: at(),
    enterpriseId,
    name: 'Partner Inc',
    countryEnterpriseId: 'c1000000-0000-4000-8000-000000000001',
    countryEnterpriseName: 'Partner Germany',
    location: {
      locationId,
      country: 'DE',
      companyTokenDigest: digest,
      name: 'Munich',
      address: 'Main Street 1',
      city: 'Munich',
      postalCode: '80331',
      partnerTier: 1,
    },
    employee: { firstName: 'Pia', lastName: 'Prc', email: prcUserId },
  });
  for (let i = 0; i < employees; i++) {
    const userId = `employee${i}@partner.example`;
    const associationId = `a1000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    await run({
      type: 'RequestSelfAssociation',
      actor: { userId, operator: false, auditor: false },
      at: at(),
      locationId,
      associationId,
      companyTokenDigest: digest,
      employee: { firstName: 'Eve', lastName: `Employee ${i}`, email: userId },
    });
    await run({
      type: 'ApproveSelfAssociation',
      actor: { userId: prcUserId, operator: false, auditor: false },
      at: at(),
      associationId,
      locationId,
    });
  }
  await store.close();
  return { enterpriseId, locationId, prcUserId, employees };
}

/** A directory's seed description, so `--keep DIR` reuses a seed across runs. */
export function readMarker<T>(dir: string, name: string): T | undefined {
  const file = join(dir, name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

export function writeMarker(dir: string, name: string, value: unknown): void {
  writeFileSync(join(dir, name), JSON.stringify(value, null, 2));
}
