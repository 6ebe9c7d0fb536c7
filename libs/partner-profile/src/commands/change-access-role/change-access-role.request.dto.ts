import { ApiProperty } from '@nestjs/swagger';
import { IsIn, ValidateIf } from 'class-validator';
import { ACCESS_ROLES, type AccessRole } from '../../domain/access-roles.js';

export class AccessRoleDto {
  @ApiProperty({ enum: ACCESS_ROLES, nullable: true, description: 'null means personal_update' })
  @ValidateIf((o: AccessRoleDto) => o.accessRole !== null)
  @IsIn(ACCESS_ROLES)
  accessRole: AccessRole | null;
}
