import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_ROLES, type AccessRole, type Tci } from '../../domain/access-roles.js';
import { PageOf } from '#contract';

export class TciDto implements Tci {
  @ApiProperty() businessContact: boolean;
  @ApiProperty() secondaryBusinessContact: boolean;
}

/**
 * An employee of a location as the caller may see them: callers who see names and roles only
 * (distributor, view_only) get `employeeRef, firstName, lastName, accessRole` for others (no user id).
 */
export class EmployeeDto {
  @ApiPropertyOptional({ description: 'absent when the caller sees names and roles only (see employeeRef)' })
  userId?: string;
  @ApiProperty({ description: 'an opaque, stable reference to this employment (never the user id)' })
  employeeRef: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiPropertyOptional({ description: 'absent when the caller sees names and roles only' }) email?: string;
  @ApiPropertyOptional() telephone?: string;
  @ApiProperty({ enum: ACCESS_ROLES }) accessRole: AccessRole;
  @ApiPropertyOptional({ type: () => TciDto, description: 'absent when the caller sees names and roles only' })
  tci?: TciDto;
}

/** GET /v1/enterprises/{enterpriseId}/locations/{locationId}/employees (also `?asOf=`). */
export class EmployeeListDto extends PageOf(EmployeeDto) {}
