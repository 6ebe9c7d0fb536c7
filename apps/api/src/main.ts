import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '#core';
import { createApp } from './create-app.js';

const config = loadConfig();
const app = await createApp(config);
await app.listen(config.port, config.host);
new Logger('Main').log(
  `API listening on http://${config.host}:${config.port} (docs at /docs) — ` +
    `events: ${config.eventStoreUrl ? 'EventStoreDB' : 'SQLite in ' + config.dataDir}, ` +
    `read models: ${config.mongodbUrl ? 'MongoDB' : 'embedded'}`,
);
