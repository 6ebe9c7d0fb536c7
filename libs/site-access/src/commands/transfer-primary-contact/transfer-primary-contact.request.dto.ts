import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsUserId } from '#auth';
import type { GrantableRole } from '../../domain/site.events.js';
import { PrivilegesDto } from '../privileges-input.dto.js';
import { GRANTABLE_ROLES } from '../add-user/add-user.request.dto.js';

export class TransferPrimaryContactRequestDto {
  @ApiProperty({ description: 'an existing member who becomes the primary contact' }) @IsUserId() userId: string;
  @ApiProperty({ enum: GRANTABLE_ROLES }) @IsIn(GRANTABLE_ROLES) formerPrimaryRole: GrantableRole;
  @ApiPropertyOptional({
    type: PrivilegesDto,
    description:
      'what the former primary keeps; omitted: every non-Account-Management privilege at its highest level and no Account Management privilege',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PrivilegesDto)
  formerPrimaryPrivileges?: PrivilegesDto;
}
