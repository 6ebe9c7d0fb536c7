import { ApiProperty } from '@nestjs/swagger';
import { CommandConfirmationDto } from '#contract';

/** 201 of POST /v1/enterprises: the caller is the new location's PRC. */
export class RegisterEnterpriseResponseDto extends CommandConfirmationDto {
  @ApiProperty() enterpriseId: string;
  @ApiProperty() countryEnterpriseId: string;
  @ApiProperty() locationId: string;
  @ApiProperty({ description: 'the location’s company token, shown only here and on rotation' }) companyToken: string;
}
