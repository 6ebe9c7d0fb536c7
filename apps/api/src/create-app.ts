import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createLogger } from '#composition';
import type { AppConfig, Clock } from '#core';
import { AppModule } from './app.module.js';
import { createHttpAdapter, installHttpPlatform } from './http/http-platform.js';
import { documentIdempotency } from './http/openapi-idempotency.js';
import { documentReadConsistency } from './http/openapi-read-consistency.js';
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
  // Every operation declares its answer schemas (test/contract keeps it so): clients are generated from /docs-json.
  const document = documentIdempotency(
    documentReadConsistency(
      SwaggerModule.createDocument(
        app,
        new DocumentBuilder()
          .setTitle('Access governance API')
          .setDescription(
            'Who may do what: site access (Passport Advantage) and partner profiles (PartnerWorld). ' +
              'Errors are application/problem+json (ProblemDto); commands answer {confirmationNumber, position} or {changed: false}.',
          )
          .setVersion('1')
          .addBearerAuth()
          .build(),
      ),
    ),
  );
  SwaggerModule.setup(DOCS_PATH.slice(1), app, document, { jsonDocumentUrl: 'docs-json' });
  await app.init();
  return app;
}
