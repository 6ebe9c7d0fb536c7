import { ApiProperty } from '@nestjs/swagger';
import { CommandConfirmationDto } from '#contract';

/** 201 of POST /v1/sites. */
export class RegisterSiteResponseDto extends CommandConfirmationDto {
  @ApiProperty() siteId: string;
}
