import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentIdempotency } from './http/openapi-idempotency.js';
import { documentReadConsistency } from './http/openapi-read-consistency.js';

/** The OpenAPI document of the app's routes, as served at /docs-json (and read by the console's client generator). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return documentIdempotency(
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
}
