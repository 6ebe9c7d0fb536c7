import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import { IsUserId } from './identity-fields.js';
import { PLATFORM_ROLES, type PlatformRole } from './principal.js';

/** POST /v1/dev/sign-in (development only): who the minted token names. */
export class DevSignInRequestDto {
  @ApiProperty({ description: 'the token’s `sub` (normalised like every user id)', example: 'pat@example.com' })
  @IsUserId()
  userId: string;

  @ApiPropertyOptional({ enum: PLATFORM_ROLES, isArray: true, description: 'platform roles (none: a plain person)' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PLATFORM_ROLES, { each: true })
  roles?: PlatformRole[];
}
