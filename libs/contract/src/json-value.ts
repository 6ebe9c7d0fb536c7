import type { ApiPropertyOptions } from '@nestjs/swagger';

/** Any JSON value (before/after values of a change): for `@ApiProperty({ ...ANY_JSON_VALUE })`. */
export const ANY_JSON_VALUE: ApiPropertyOptions = {
  nullable: true,
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'object', additionalProperties: true },
    { type: 'array', items: {} },
  ],
};
