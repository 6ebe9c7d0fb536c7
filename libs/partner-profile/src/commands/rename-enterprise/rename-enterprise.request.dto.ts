import { IsSingleLineText } from '#auth';
import { ApiProperty } from '@nestjs/swagger';

/** PUT /v1/enterprises/{enterpriseId}/profile: the worldwide enterprise's name. */
export class RenameEnterpriseRequestDto {
  @ApiProperty() @IsSingleLineText(200) name: string;
}
