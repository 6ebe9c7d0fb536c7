import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { INSTANT_PATTERN } from '#core';

/** `?limit=` (default 50, max 500) and `?offset=` on every list. */
export class ListQueryDto {
  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

/** The page a list query asks for, as `find` options. */
export const page = (q: { limit?: number; offset?: number }) => ({ limit: q.limit ?? 50, skip: q.offset ?? 0 });

/** A `?asOf=` query parameter: the instant a query answers for, replayed from the event stream. */
export const AsOfParam = () =>
  applyDecorators(
    ApiPropertyOptional({
      format: 'date-time',
      description: 'answer as of this instant, replayed from the event stream',
    }),
    IsOptional(),
    Matches(INSTANT_PATTERN, { message: '$property must be an ISO-8601 instant such as 2026-03-01T10:00:00Z' }),
  );

/** Escapes user input for use inside a regular expression (a `q` search). */
export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
