import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** The answer of every paged list: one page of items and how many match in all. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** The response DTO of a paged list of `item` (extend it: the subclass names the schema). */
export function PageOf<T>(item: Type<T>, totalDescription?: string): Type<Page<T>> {
  class PageDto implements Page<T> {
    @ApiProperty({ type: () => [item] }) items: T[];
    @ApiProperty({ type: 'integer', ...(totalDescription ? { description: totalDescription } : {}) }) total: number;
  }
  return PageDto;
}
