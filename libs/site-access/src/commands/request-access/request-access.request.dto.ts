import { IsSingleLineText } from '#auth';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import type { GrantableRole } from '../../domain/site.events.js';
import { GRANTABLE_ROLES } from '../add-user/add-user.request.dto.js';
import { PrivilegesDto } from '../privileges-input.dto.js';

export class RequestAccessRequestDto {
  @ApiProperty() @IsSingleLineText(100) firstName: string;
  @ApiProperty() @IsSingleLineText(100) lastName: string;
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ minLength: 10, maxLength: 2000 }) @IsString() @Length(10, 2000) businessJustification: string;
  @ApiPropertyOptional({ enum: GRANTABLE_ROLES, description: 'the role asked for; omitted: `user`' })
  @IsOptional()
  @IsIn(GRANTABLE_ROLES)
  requestedRole?: GrantableRole;
  @ApiPropertyOptional({
    type: PrivilegesDto,
    description: 'the privileges asked for (omitted keys mean `none`); Account Management needs `secondary`',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PrivilegesDto)
  requestedPrivileges?: PrivilegesDto;
}
