import { ApiProperty } from '@nestjs/swagger';
import type { Region } from '../../domain/regions.js';

export class EmployeesByAccessRoleDto {
  @ApiProperty() prc: number;
  @ApiProperty() apa: number;
  @ApiProperty() distributor: number;
  @ApiProperty() distributor_pi: number;
  @ApiProperty() personal_update: number;
  @ApiProperty() view_only: number;
}

export class TciContactsDto {
  @ApiProperty({ description: 'some employee is the business contact' }) businessContact: boolean;
  @ApiProperty({ description: 'some employee is a secondary business contact' }) secondaryBusinessContact: boolean;
}

/** GET .../locations/{locationId}/compliance-summary: counts and flags, no personal data. */
export class ComplianceSummaryDto {
  @ApiProperty() locationId: string;
  @ApiProperty({ type: 'integer', enum: [1, 2] }) partnerTier: 1 | 2;
  @ApiProperty({ enum: ['north_america', 'latin_america', 'emea', 'asia_pacific', 'japan'] }) region: Region;
  @ApiProperty({ description: 'whether the location has a Primary Relationship Contact' }) prcAssigned: boolean;
  @ApiProperty() employees: number;
  @ApiProperty({ type: () => EmployeesByAccessRoleDto }) employeesByAccessRole: EmployeesByAccessRoleDto;
  @ApiProperty({ type: () => TciContactsDto }) tciContacts: TciContactsDto;
}
