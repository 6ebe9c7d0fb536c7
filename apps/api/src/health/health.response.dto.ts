import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EventStoreHealthDto {
  @ApiProperty({ enum: ['sqlite', 'eventstoredb'] }) kind: 'sqlite' | 'eventstoredb';
  @ApiProperty({ type: String, nullable: true, description: 'position of the last recorded event; null when none' })
  head: string | null;
}

export class ReadStoreHealthDto {
  @ApiProperty({ enum: ['embedded', 'mongodb'] }) kind: 'embedded' | 'mongodb';
}

export class ProjectionHealthDto {
  @ApiProperty({ type: String, nullable: true, description: 'how far the read models have caught up' }) position:
    string | null;
  @ApiProperty({ type: String, nullable: true }) head: string | null;
  @ApiProperty() caughtUp: boolean;
  @ApiProperty() running: boolean;
  @ApiPropertyOptional({ description: 'why the projections stopped (the answer is then 503)' }) error?: string;
}

/** GET /health. */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ description: 'false while the read models catch up after a start; queries answer meanwhile' })
  caughtUp: boolean;
  @ApiProperty({ type: () => EventStoreHealthDto }) eventStore: EventStoreHealthDto;
  @ApiProperty({ type: () => ReadStoreHealthDto }) readStore: ReadStoreHealthDto;
  @ApiProperty({ type: () => ProjectionHealthDto }) projections: ProjectionHealthDto;
}
