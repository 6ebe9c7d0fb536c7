import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '#contract';
import { ACCESS_ROLES, type AccessRole } from '../../domain/access-roles.js';
import { TciDto } from '../employees/employees.response.dto.js';

/** One location where the caller is an employee: where it sits in its enterprise and the caller's roles there. */
export class MyLocationDto {
  @ApiProperty() enterpriseId: string;
  @ApiProperty() enterpriseName: string;
  @ApiProperty() countryEnterpriseId: string;
  @ApiProperty() countryEnterpriseName: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @ApiProperty() locationId: string;
  @ApiProperty() locationName: string;
  @ApiProperty({ enum: ACCESS_ROLES }) accessRole: AccessRole;
  @ApiProperty({ type: () => TciDto }) tci: TciDto;
  @ApiProperty({ format: 'date-time' }) joinedAt: string;
}

/** GET /v1/me/locations. */
export class MyLocationListDto extends PageOf(MyLocationDto) {}
