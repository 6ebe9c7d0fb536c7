import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/** A CSV download: `text/csv`, a header row then one row per item. */
export function ApiCsvResponse(description: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiProduces('text/csv'),
    ApiOkResponse({ description, content: { 'text/csv': { schema: { type: 'string' } } } }),
  );
}
