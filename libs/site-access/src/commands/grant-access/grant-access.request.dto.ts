import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, ValidateNested, IsObject } from 'class-validator';
import type { GrantableRole } from '../../domain/site.events.js';
import { PrivilegesDto } from '../privileges-input.dto.js';
import { GRANTABLE_ROLES } from '../add-user/add-user.request.dto.js';

export class GrantAccessRequestDto {
  @ApiProperty({ enum: GRANTABLE_ROLES }) @IsIn(GRANTABLE_ROLES) role: GrantableRole;
  @ApiPropertyOptional({ type: PrivilegesDto })
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
