import { ApiProperty } from '@nestjs/swagger';
import { ANY_JSON_VALUE } from './json-value.js';

/** One before/after pair of a transaction, as the audit trail and histories show it. */
export class FieldChangeDto {
  @ApiProperty({ description: 'e.g. `role`, `privileges.reporting`, `contactTypes`' }) field: string;
  @ApiProperty({
    ...ANY_JSON_VALUE,
    description: 'the value before (null when there was none); `(redacted)` when hidden from the caller',
  })
  from: unknown;
  @ApiProperty({ ...ANY_JSON_VALUE, description: 'the value after (null when removed)' }) to: unknown;
}
