import { ApiProperty } from '@nestjs/swagger';
import { CommandConfirmationDto } from '#contract';

/** 201 of POST /v1/sites/{siteId}/access-requests. */
export class RequestAccessResponseDto extends CommandConfirmationDto {
  @ApiProperty() requestId: string;
}
