import { ApiProperty } from '@nestjs/swagger';
import { CommandConfirmationDto } from '#contract';

/** 200 of POST .../locations/{locationId}/company-token: the new token (the old one stops working). */
export class RotateCompanyTokenResponseDto extends CommandConfirmationDto {
  @ApiProperty({ description: 'shown only in this answer: only its digest is stored, so it cannot be shown again' })
  companyToken: string;
  @ApiProperty({ description: 'always false: the previous token stopped working with this rotation' })
  previousTokenValid: boolean;
  @ApiProperty({ description: 'what the rotation means, in words to show the administrator' }) notice: string;
}
