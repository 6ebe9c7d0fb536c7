import { ApiProperty } from '@nestjs/swagger';
import { PLATFORM_ROLES, type PlatformRole } from './principal.js';

/** GET /v1/me: who the server thinks the caller is. */
export class WhoAmIDto {
  @ApiProperty({ description: 'the token’s `sub`, lower-cased' }) userId: string;
  @ApiProperty({ enum: PLATFORM_ROLES, isArray: true }) roles: readonly PlatformRole[];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'the token’s `auth_time`, when it has one',
  })
  authTime: string | null;
}
