import { ApiProperty } from '@nestjs/swagger';
import { SelfAssociationResponseDto } from '../request-self-association/request-self-association.response.dto.js';

/** 201 of POST /v1/self-associations: the request, and the location the token opened. */
export class JoinWithCompanyTokenResponseDto extends SelfAssociationResponseDto {
  @ApiProperty() enterpriseId: string;
  @ApiProperty() locationId: string;
}
