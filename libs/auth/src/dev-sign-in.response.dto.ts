import { ApiProperty } from '@nestjs/swagger';

/** A development token: signed with the generated secret in DATA_DIR, valid for 8 hours. */
export class DevSignInDto {
  @ApiProperty({ description: 'an HS256 bearer token (sub, roles, auth_time = now)' }) token: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: string;
  @ApiProperty({ enum: [true], description: 'always true: this token comes from the development sign-in' })
  development: true;
}
