import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { createLogger } from '#composition';
import type { AppConfig, Clock } from '#core';
import { AppModule } from './app.module.js';
import { buildOpenApiDocument } from './openapi.js';
import { installConsole } from './http/console-static.js';
import { createHttpAdapter, installHttpPlatform } from './http/http-platform.js';
import { DOCS_PATH } from './http/security-headers.js';

/** Builds the whole API exactly as `npm start` runs it; the end-to-end tests use this too. */
export async function createApp(config: AppConfig, overrides: { clock?: Clock } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config, overrides), createHttpAdapter(config.http), {
    logger: createLogger(config),
    // Our own parsers (installHttpPlatform) bound size and nesting before anything is parsed.
    bodyParser: false,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  installHttpPlatform(app, config.http);
  installConsole(app, config.http, config.consoleDir, new Logger('Console'), config.auth.issuer);
  // Every operation declares its answer schemas (test/contract keeps it so): clients are generated from /docs-json.
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(DOCS_PATH.slice(1), app, document, { jsonDocumentUrl: 'docs-json' });
  await app.init();
  return app;
}
