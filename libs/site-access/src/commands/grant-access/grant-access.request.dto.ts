import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, ValidateNested, IsObject } from 'class-validator';
import type { GrantableRole } from '../../domain/site.events.js';
import { PrivilegesDto } from '../privileges-input.dto.js';
import { GRANTABLE_ROLES } from '../add-user/add-user.request.dto.js';

export class GrantAccessRequestDto {
  @ApiPropertyOptional({ enum: GRANTABLE_ROLES, description: 'omitted: the role the request asked for' })
  @IsOptional()
  @IsIn(GRANTABLE_ROLES)
  role?: GrantableRole;
  @ApiPropertyOptional({
    type: PrivilegesDto,
    description:
      'replaces the requested privileges (omitted keys mean `none`); omitted: the requested ones when the requested role is granted, else none',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PrivilegesDto)
  privileges?: PrivilegesDto;
  @ApiPropertyOptional({ description: 'the edited justification; the original is kept' })
  @IsOptional()
  @IsString()
  @Length(10, 2000)
  businessJustification?: string;
}
