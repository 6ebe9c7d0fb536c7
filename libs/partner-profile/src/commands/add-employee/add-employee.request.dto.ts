import { IsUserId } from '#auth';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ACCESS_ROLES, type AccessRole } from '../../domain/access-roles.js';
import { EmployeeInputDto } from '../employee-input.dto.js';

/** POST .../locations/{locationId}/employees: a person added directly by a PRC/APA in scope. */
export class AddEmployeeRequestDto extends EmployeeInputDto {
  @ApiProperty({ example: 'ana@example.com' }) @IsUserId() userId: string;
  @ApiPropertyOptional({ enum: ACCESS_ROLES, description: 'personal_update when omitted; never prc' })
  @IsOptional()
  @IsIn(ACCESS_ROLES)
  accessRole?: AccessRole;
}
