import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';
import type { GrantableRole } from '../../domain/site.events.js';
import { lower } from '../../http/site-params.js';
import { GRANTABLE_ROLES } from '../add-user/add-user.request.dto.js';

export class TransferPrimaryContactRequestDto {
  @ApiProperty({ description: 'an existing member who becomes the primary contact' }) @Transform(lower) @IsString() @Length(1, 254) userId: string;
  @ApiProperty({ enum: GRANTABLE_ROLES }) @IsIn(GRANTABLE_ROLES) formerPrimaryRole: GrantableRole;
}
