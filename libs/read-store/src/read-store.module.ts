import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '#core';
import { EVENT_STORE, type EventStore } from '#event-store/event-store.port';
import { DOCUMENT_STORE, type DocumentStore } from './document-store.port.js';
import { join } from 'node:path';
import { SqliteDocumentStore } from './sqlite/sqlite-document-store.js';
import { PROJECTIONS, type Projection } from './projections/projection.js';
import { ProjectionRunner } from './projections/projection-runner.js';
import { ProjectionLease, leaseOwnerId } from './projections/projection-lease.js';
import { ProjectionLeader } from './projections/projection-leader.js';
import { randomUUID } from 'node:crypto';

export const READ_STORE_CONFIG = Symbol('READ_STORE_CONFIG');

export const READ_MODELS_FILE = 'read-models.sqlite';

/** MONGODB_URL selects MongoDB; otherwise `DATA_DIR/read-models.sqlite`, kept across restarts. */
export async function openDocumentStore(config: AppConfig): Promise<DocumentStore> {
  if (config.mongodbUrl) {
    // The driver is loaded only when used: an embedded start does not pay for it.
    const { MongoDocumentStore } = await import('./mongodb/mongo-document-store.js');
    return MongoDocumentStore.connect(config.mongodbUrl, config.mongodbDatabase);
  }
  if (!config.projector)
    throw new Error('PROJECTOR=off needs MONGODB_URL: the embedded read store is fed by the API process itself');
  const store = new SqliteDocumentStore(join(config.dataDir, READ_MODELS_FILE));
  if (store.layoutReset) {
    new Logger('ReadStore').warn(
      `${READ_MODELS_FILE} was written by another layout of the read store: emptied, the read models are rebuilt from the event log`,
    );
  }
  return store;
}

class ProjectorLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');

  constructor(
    @Inject(READ_STORE_CONFIG) private readonly config: AppConfig,
    @Inject(ProjectionLeader) private readonly leader: ProjectionLeader,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.projector) return this.logger.log('PROJECTOR=off: read models are fed by a separate projector');
    const started = Date.now();
    // Read models persist with their checkpoints: serve at once and catch up only the tail
    // (/health says caughtUp:false meanwhile; X-Consistent-With still gives read-your-writes).
    await this.leader.start();
    const status = await this.runner.status();
    if (!this.leader.leading) return this.logger.warn('another projector holds the projection lease: standing by');
    this.logger.log(
      `projections running from ${status.position ?? 'the beginning'} towards ${status.head ?? 'an empty log'} (${Date.now() - started} ms to start)`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.leader.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

export const PROJECTION_LEASE_TTL_MS = 15_000;

@Module({})
export class ReadStoreModule {
  static forRoot(
    config: AppConfig,
    projections: readonly Projection[],
    options: { exitOnFatal?: boolean } = {},
  ): DynamicModule {
    const logger = new Logger('Projector');
    return {
      module: ReadStoreModule,
      global: true,
      providers: [
        { provide: READ_STORE_CONFIG, useValue: config },
        { provide: DOCUMENT_STORE, useFactory: () => openDocumentStore(config) },
        { provide: PROJECTIONS, useValue: projections },
        {
          provide: ProjectionLease,
          useFactory: (store: DocumentStore) =>
            new ProjectionLease(store, leaseOwnerId(randomUUID().slice(0, 8)), PROJECTION_LEASE_TTL_MS),
          inject: [DOCUMENT_STORE],
        },
        {
          provide: ProjectionRunner,
          useFactory: (events: EventStore, store: DocumentStore, list: Projection[], lease: ProjectionLease) =>
            new ProjectionRunner(events, store, list, {
              lease,
              onError: (error, retry) =>
                retry
                  ? logger.warn(`projection failed (${String(error)}); retry ${retry.attempt} in ${retry.inMs} ms`)
                  : logger.error(String(error)),
              onFatal: (error) => {
                logger.error(`projections stopped after repeated failures: ${String(error)}`);
                // A standalone projector exits so its supervisor restarts it; the API reports it on /health (503).
                if (options.exitOnFatal) process.exit(1);
              },
              onReset: (name, from, to) =>
                logger.warn(
                  `projection ${name} changed from version ${from} to ${to}: rebuilding its read model from the start of the log`,
                ),
            }),
          inject: [EVENT_STORE, DOCUMENT_STORE, PROJECTIONS, ProjectionLease],
        },
        {
          provide: ProjectionLeader,
          useFactory: (runner: ProjectionRunner, lease: ProjectionLease) =>
            new ProjectionLeader(runner, lease, (message) => logger.log(message)),
          inject: [ProjectionRunner, ProjectionLease],
        },
        ProjectorLifecycle,
      ],
      exports: [DOCUMENT_STORE, ProjectionRunner, ProjectionLeader, PROJECTIONS, READ_STORE_CONFIG],
    };
  }
}
