import { IsUserId } from '#auth';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class SiteParams {
  @ApiProperty({ example: '1234567', description: '4 to 10 digits' })
  @Matches(/^\d{4,10}$/, { message: 'siteId must be 4 to 10 digits' })
  siteId: string;
}

export class SiteUserParams extends SiteParams {
  @ApiProperty({ example: 'ana@example.com' })
  @IsUserId()
  userId: string;
}

export class SiteRequestParams extends SiteParams {
  @ApiProperty({ format: 'uuid' })
  @Matches(/^[0-9a-f-]{36}$/i, { message: 'requestId must be a request id' })
  requestId: string;
}

export class SiteContactParams extends SiteParams {
  @ApiProperty({ example: 'billing-1', description: 'letters, digits, - and _, up to 64' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'contactId must be 1 to 64 letters, digits, - or _' })
  contactId: string;
}
