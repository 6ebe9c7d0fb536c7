import { join } from 'node:path';
import { type DynamicModule, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type AppConfig, type Clock, type IdGenerator, randomIds, systemClock } from '#core';
import { CommandAdmission } from './application/command-admission.js';
import { EVENT_STORE, type EventStore } from './event-store.port.js';
import { CommandPipeline } from './pipeline/command-pipeline.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

export const CLOCK = Symbol('CLOCK');
export const ID_GENERATOR = Symbol('ID_GENERATOR');

/**
 * EVENTSTORE_URL selects EventStoreDB; otherwise the embedded SQLite file in DATA_DIR. The gRPC
 * client is loaded only when used: it would add about a second to every embedded start.
 */
export async function openEventStore(config: AppConfig): Promise<EventStore> {
  if (config.eventStoreUrl) {
    const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store.js');
    return new EventStoreDbEventStore(config.eventStoreUrl);
  }
  return new SqliteEventStore(join(config.dataDir, 'events.sqlite'), undefined, { waitMs: config.groupCommitWaitMs });
}

class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    new Logger('EventStore').log(`closed the ${this.store.kind} event store`);
  }
}

@Module({})
export class EventStoreModule {
  static forRoot(config: AppConfig, overrides: { clock?: Clock; ids?: IdGenerator } = {}): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        { provide: EVENT_STORE, useFactory: () => openEventStore(config) },
        { provide: CLOCK, useValue: overrides.clock ?? systemClock },
        { provide: ID_GENERATOR, useValue: overrides.ids ?? randomIds },
        {
          provide: CommandPipeline,
          useFactory: (store: EventStore, ids: IdGenerator) =>
            new CommandPipeline(store, ids, {
              snapshotEvery: config.snapshotEvery,
              idempotencyRetentionMs: config.idempotencyRetentionMs,
            }),
          inject: [EVENT_STORE, ID_GENERATOR],
        },
        { provide: CommandAdmission, useValue: new CommandAdmission(config.commandQueueLimit) },
        EventStoreLifecycle,
      ],
      exports: [EVENT_STORE, CLOCK, ID_GENERATOR, CommandPipeline, CommandAdmission],
    };
  }
}
