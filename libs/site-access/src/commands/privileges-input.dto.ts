import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PRIVILEGE_LEVELS } from '../domain/privileges.js';

const level = (key: keyof typeof PRIVILEGE_LEVELS) => [...PRIVILEGE_LEVELS[key]];

/** Omitted keys mean `none`. */
export class PrivilegesDto {
  @ApiPropertyOptional({ enum: level('softwareAccess') })
  @IsOptional()
  @IsIn(level('softwareAccess'))
  softwareAccess?: (typeof PRIVILEGE_LEVELS.softwareAccess)[number];

  @ApiPropertyOptional({ enum: level('reporting') })
  @IsOptional()
  @IsIn(level('reporting'))
  reporting?: (typeof PRIVILEGE_LEVELS.reporting)[number];

  @ApiPropertyOptional({ enum: level('entitlements') })
  @IsOptional()
  @IsIn(level('entitlements'))
  entitlements?: (typeof PRIVILEGE_LEVELS.entitlements)[number];

  @ApiPropertyOptional({ enum: level('manageAccess') })
  @IsOptional()
  @IsIn(level('manageAccess'))
  manageAccess?: (typeof PRIVILEGE_LEVELS.manageAccess)[number];

  @ApiPropertyOptional({ enum: level('contactUpdates') })
  @IsOptional()
  @IsIn(level('contactUpdates'))
  contactUpdates?: (typeof PRIVILEGE_LEVELS.contactUpdates)[number];

  @ApiPropertyOptional({ enum: level('accountDocuments') })
  @IsOptional()
  @IsIn(level('accountDocuments'))
  accountDocuments?: (typeof PRIVILEGE_LEVELS.accountDocuments)[number];
}
