import type { OpenAPIObject } from '@nestjs/swagger';

const COMMAND_METHODS = ['post', 'put', 'patch', 'delete'] as const;

/**
 * Documents the optional `Idempotency-Key` header where IdempotencyInterceptor applies it (every
 * command under /v1) and its `422 IDEMPOTENCY_KEY_REUSED` answer.
 */
export function documentIdempotency(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/v1/')) continue;
    for (const method of COMMAND_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.parameters = [
        ...(operation.parameters ?? []),
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'any unique string (1–255 printable ASCII characters, e.g. a UUID): a retry with the same key, caller and request answers what the first one answered and records nothing new; ' +
            'the same key with another request is 422 IDEMPOTENCY_KEY_REUSED. Keys are kept IDEMPOTENCY_KEY_RETENTION_HOURS (24 h by default).',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      ];
      operation.responses['422'] ??= {
        description: 'IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used for another request',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } },
      };
    }
  }
  return document;
}
