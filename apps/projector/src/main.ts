import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../../../libs/core/src/index.js';
import { EventStoreModule } from '../../../libs/event-store/src/index.js';
import { ReadStoreModule } from '../../../libs/read-store/src/index.js';
import { NotificationOutboxModule } from '../../../libs/site-access/src/index.js';
import { allProjections } from '../../api/src/projections.js';
import { createLogger } from '../../api/src/create-app.js';

/** Feeds the read models without serving HTTP, so API replicas can run with PROJECTOR=off. */
const config = { ...loadConfig(), projector: true };

@Module({
  imports: [EventStoreModule.forRoot(config), ReadStoreModule.forRoot(config, allProjections(), { exitOnFatal: true }), NotificationOutboxModule],
})
class ProjectorModule {}

const app = await NestFactory.createApplicationContext(ProjectorModule, { logger: createLogger(config) });
app.enableShutdownHooks();
await app.init();
new Logger('Projector').log('projector running; stop with SIGTERM');
