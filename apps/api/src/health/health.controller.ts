import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '#auth';
import { EVENT_STORE, type EventStore } from '#event-store';
import { DOCUMENT_STORE, type DocumentStore, ProjectionRunner } from '#read-store';
import { HealthDto } from './health.response.dto.js';

/** `status()` is the same call on an Express response and a Fastify reply. */
interface HttpResponse {
  status(code: number): unknown;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'The stores in use and how far the read models have caught up.', type: HealthDto })
  @ApiServiceUnavailableResponse({
    description: 'The projections stopped (`status: error`, with `projections.error`).',
    type: HealthDto,
  })
  async health(@Res({ passthrough: true }) response: HttpResponse): Promise<HealthDto> {
    const projections = await this.runner.status();
    const healthy = projections.error === undefined;
    if (!healthy) response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: healthy ? 'ok' : 'error',
      // false while the read models catch up after a start; queries answer meanwhile from what is built.
      caughtUp: projections.caughtUp,
      eventStore: { kind: this.events.kind, head: projections.head },
      readStore: { kind: this.documents.kind },
      projections,
    };
  }
}
