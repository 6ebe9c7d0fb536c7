import { IsUserId } from '#auth';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class EnterpriseParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() enterpriseId: string;
}

export class LocationParams extends EnterpriseParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() locationId: string;
}

export class EmployeeParams extends LocationParams {
  @ApiProperty({ example: 'ana@example.com' }) @IsUserId() userId: string;
}

export class AssociationParams extends EnterpriseParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() associationId: string;
}

export class LocationAssociationParams extends LocationParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() associationId: string;
}

export class CountryEnterpriseParams extends EnterpriseParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() countryEnterpriseId: string;
}
