import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { canonicalJson, validationFailed } from '#core';
import { withIdempotentRequest } from '#event-store';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Printable ASCII without spaces, 1 to 255 characters (a UUID fits). */
const VALID_KEY = /^[\x21-\x7E]{1,255}$/;

interface HttpRequest {
  method: string;
  originalUrl: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

/**
 * `Idempotency-Key` on commands (POST/PUT/PATCH/DELETE under /v1): the request's command runs
 * under the key and a fingerprint of method, path and body; the pipeline answers a retry with the
 * first answer and refuses the key for a different request. Runs after the guard: keys are per principal.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (header === undefined || !COMMAND_METHODS.has(request.method) || !request.originalUrl.startsWith('/v1/'))
      return next.handle();
    if (typeof header !== 'string' || !VALID_KEY.test(header)) {
      throw validationFailed([
        { field: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters without spaces, sent once' },
      ]);
    }
    const idempotent = { key: header, fingerprint: fingerprintOf(request) };
    // next.handle() binds the handler to the async context it is called in: call it inside the key's scope.
    return new Observable((subscriber) => withIdempotentRequest(idempotent, () => next.handle().subscribe(subscriber)));
  }
}

/** The same request has the same fingerprint whatever the order of its JSON keys. */
export function fingerprintOf(request: Pick<HttpRequest, 'method' | 'originalUrl' | 'body'>): string {
  return createHash('sha256')
    .update(`${request.method}\n${request.originalUrl}\n${canonicalJson(request.body ?? null)}`)
    .digest('base64url');
}
