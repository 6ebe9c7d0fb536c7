import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '#core';
import { EventStoreModule } from '#event-store';
import { ReadStoreModule } from '#read-store';
import { NotificationOutboxModule } from '#site-access';
import { allProjections } from '#composition';
import { createLogger } from '#composition';

/** Feeds the read models without serving HTTP, so API replicas can run with PROJECTOR=off. */
const config = { ...loadConfig(), projector: true };

@Module({
  imports: [
    EventStoreModule.forRoot(config),
    ReadStoreModule.forRoot(config, allProjections(), { exitOnFatal: true }),
    NotificationOutboxModule,
  ],
})
class ProjectorModule {}

const app = await NestFactory.createApplicationContext(ProjectorModule, { logger: createLogger(config) });
app.enableShutdownHooks();
await app.init();
new Logger('Projector').log('projector running; stop with SIGTERM');
