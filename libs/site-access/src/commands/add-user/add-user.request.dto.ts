import { IsSingleLineText, IsUserId } from '#auth';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, MaxLength, ValidateNested, IsObject } from 'class-validator';
import type { GrantableRole } from '../../domain/site.events.js';
import { PrivilegesDto } from '../privileges-input.dto.js';

export const GRANTABLE_ROLES: GrantableRole[] = ['secondary', 'user'];

export class AddUserRequestDto {
  @ApiProperty({ example: 'bo@example.com' }) @IsUserId() userId: string;
  @ApiProperty() @IsSingleLineText(100) firstName: string;
  @ApiProperty() @IsSingleLineText(100) lastName: string;
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiPropertyOptional({ example: '+49 89 1234' }) @IsOptional() @IsSingleLineText(40) telephone?: string;
  @ApiProperty({ enum: GRANTABLE_ROLES }) @IsIn(GRANTABLE_ROLES) role: GrantableRole;
  @ApiPropertyOptional({ type: PrivilegesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PrivilegesDto)
  privileges?: PrivilegesDto;
}
