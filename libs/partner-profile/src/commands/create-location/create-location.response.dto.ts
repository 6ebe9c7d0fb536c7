import { ApiProperty } from '@nestjs/swagger';
import { CommandConfirmationDto } from '#contract';

/** 201 of POST /v1/enterprises/{enterpriseId}/locations. */
export class CreateLocationResponseDto extends CommandConfirmationDto {
  @ApiProperty() locationId: string;
  @ApiProperty({ description: 'a new country gets a new country enterprise' }) countryEnterpriseId: string;
  @ApiProperty({ description: 'the location’s company token, shown only here and on rotation' }) companyToken: string;
}
