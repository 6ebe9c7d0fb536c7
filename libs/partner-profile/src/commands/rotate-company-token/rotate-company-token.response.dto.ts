import { ApiProperty } from '@nestjs/swagger';
import { CommandConfirmationDto } from '#contract';

/** 200 of POST .../locations/{locationId}/company-token: the new token (the old one stops working). */
export class RotateCompanyTokenResponseDto extends CommandConfirmationDto {
  @ApiProperty() companyToken: string;
}
