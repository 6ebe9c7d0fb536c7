import { ApiProperty } from '@nestjs/swagger';
import { PLATFORM_ROLES, type PlatformRole } from './principal.js';

/** What the caller may do beyond their own sites and locations (each flag: the API would answer or accept it). */
export class MyPermissionsDto {
  @ApiProperty({
    description:
      'whether the audit search (GET /v1/audit, /v1/audit.csv) answers the caller: auditors and operators (everything), administrators of a site or location (their own scopes); false: 403',
  })
  audit: boolean;
  @ApiProperty({
    description:
      'whether the caller may issue commands at all; false for auditors, who read everything and change nothing (every command answers 403)',
  })
  change: boolean;
}

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
  @ApiProperty({
    type: () => MyPermissionsDto,
    description: 'what the caller may do (the console shows only what these allow)',
  })
  permissions: MyPermissionsDto;
}
