import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested, IsObject } from 'class-validator';
import type { GrantableRole } from '../../domain/site.events.js';
import { PrivilegesDto } from '../privileges-input.dto.js';
import { GRANTABLE_ROLES } from '../add-user/add-user.request.dto.js';

/** `privileges`, when given, replaces the whole set (omitted keys mean none). */
export class ChangeUserAccessRequestDto {
  @ApiPropertyOptional({ enum: GRANTABLE_ROLES }) @IsOptional() @IsIn(GRANTABLE_ROLES) role?: GrantableRole;
  @ApiPropertyOptional({ type: PrivilegesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PrivilegesDto)
  privileges?: PrivilegesDto;
}
