import { IsSingleLineText } from '#auth';
import { ApiProperty } from '@nestjs/swagger';

/** PUT .../country-enterprises/{countryEnterpriseId}/profile: the country enterprise's name. */
export class RenameCountryEnterpriseRequestDto {
  @ApiProperty() @IsSingleLineText(200) name: string;
}
