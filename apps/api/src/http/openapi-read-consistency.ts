import type { OpenAPIObject } from '@nestjs/swagger';
import { CONSISTENCY_TIMEOUT_MS, PROJECTION_POSITION_HEADER } from '#read-store';

/**
 * Documents read-your-writes where ReadConsistencyInterceptor applies it — on every GET: the
 * optional `X-Consistent-With` request header and the `X-Projection-Position` answer header.
 */
export function documentReadConsistency(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    const get = item.get;
    if (!get) continue;
    get.parameters = [
      ...(get.parameters ?? []),
      {
        name: 'X-Consistent-With',
        in: 'header',
        required: false,
        description: `a \`position\` a command answered: waits (up to ${CONSISTENCY_TIMEOUT_MS / 1000} s) until the read models include it, else 503 PROJECTION_NOT_CAUGHT_UP`,
        schema: { type: 'string' },
      },
    ];
    for (const [status, response] of Object.entries(get.responses)) {
      if (!response || !/^2\d\d$/.test(status) || '$ref' in response) continue;
      response.headers = {
        ...response.headers,
        [PROJECTION_POSITION_HEADER]: {
          description: 'the position the read models were at when answering (empty before any event)',
          schema: { type: 'string' },
        },
      };
    }
  }
  return document;
}
