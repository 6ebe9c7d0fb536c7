import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { type Position, parsePosition, validationFailed } from '#core';
import { EVENT_STORE, type EventStore } from '#event-store/event-store.port';
import { ProjectionRunner } from './projections/projection-runner.js';

export const CONSISTENT_WITH_HEADER = 'x-consistent-with';
export const PROJECTION_POSITION_HEADER = 'X-Projection-Position';
export const CONSISTENCY_TIMEOUT_MS = 5000;

interface HttpRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}
/** `header()` is the same call on an Express response and a Fastify reply. */
interface HttpResponse {
  header(name: string, value: string): unknown;
}

/**
 * Read-your-writes for queries: `X-Consistent-With: <position>` waits (up to 5 s) until the read
 * models include that position; every query answer says which position it was read at.
 */
@Injectable()
export class ReadConsistencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    if (request.method !== 'GET') return next.handle();
    const wanted = request.headers[CONSISTENT_WITH_HEADER];
    if (typeof wanted === 'string' && wanted !== '') {
      const position = parsePosition(wanted.trim());
      if (!position) {
        throw validationFailed([{ field: 'X-Consistent-With', message: 'must be a position returned by a command' }]);
      }
      await this.waitFor(position);
    }
    const current = await this.runner.currentPosition();
    http.getResponse<HttpResponse>().header(PROJECTION_POSITION_HEADER, current ?? '');
    return next.handle();
  }

  /**
   * A position beyond the log's head was never returned by a command (the head only grows), so
   * waiting for it could only time out: refuse it at once instead of holding the caller 5 s.
   */
  private async waitFor(position: Position): Promise<void> {
    const current = await this.runner.currentPosition();
    if (current !== undefined && current >= position) return;
    const head = await this.events.headPosition();
    if (head === undefined || position > head) {
      throw validationFailed([
        {
          field: 'X-Consistent-With',
          message: 'is beyond the last recorded event; send a position a command returned',
        },
      ]);
    }
    await this.runner.waitFor(position, CONSISTENCY_TIMEOUT_MS);
  }
}
