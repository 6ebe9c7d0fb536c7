import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '../../core/src/index.js';
import { EVENT_STORE, type EventStore } from '../../event-store/src/event-store.port.js';
import { DOCUMENT_STORE, type DocumentStore } from './document-store.port.js';
import { EmbeddedDocumentStore } from './embedded/embedded-document-store.js';
import { MongoDocumentStore } from './mongodb/mongo-document-store.js';
import { PROJECTIONS, type Projection } from './projections/projection.js';
import { ProjectionRunner } from './projections/projection-runner.js';

export const READ_STORE_CONFIG = Symbol('READ_STORE_CONFIG');

/** MONGODB_URL selects MongoDB; otherwise the in-process store, rebuilt from the event log at boot. */
export async function openDocumentStore(config: AppConfig): Promise<DocumentStore> {
  if (config.mongodbUrl) return MongoDocumentStore.connect(config.mongodbUrl, config.mongodbDatabase);
  if (!config.projector) throw new Error('PROJECTOR=off needs MONGODB_URL: the embedded read store lives in this process');
  return new EmbeddedDocumentStore();
}

class ProjectorLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');

  constructor(
    @Inject(READ_STORE_CONFIG) private readonly config: AppConfig,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.projector) return this.logger.log('PROJECTOR=off: read models are fed by a separate projector');
    const started = Date.now();
    // The embedded store starts empty: serve only once it has replayed the whole log.
    await this.runner.start({ catchUp: this.store.kind === 'embedded' });
    const status = await this.runner.status();
    this.logger.log(`projections running at ${status.position ?? 'start'} (${Date.now() - started} ms to start)`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Module({})
export class ReadStoreModule {
  static forRoot(config: AppConfig, projections: readonly Projection[]): DynamicModule {
    return {
      module: ReadStoreModule,
      global: true,
      providers: [
        { provide: READ_STORE_CONFIG, useValue: config },
        { provide: DOCUMENT_STORE, useFactory: () => openDocumentStore(config) },
        { provide: PROJECTIONS, useValue: projections },
        {
          provide: ProjectionRunner,
          useFactory: (events: EventStore, store: DocumentStore, list: Projection[]) =>
            new ProjectionRunner(events, store, list, (error) => new Logger('Projector').error(error)),
          inject: [EVENT_STORE, DOCUMENT_STORE, PROJECTIONS],
        },
        ProjectorLifecycle,
      ],
      exports: [DOCUMENT_STORE, ProjectionRunner, PROJECTIONS, READ_STORE_CONFIG],
    };
  }
}
