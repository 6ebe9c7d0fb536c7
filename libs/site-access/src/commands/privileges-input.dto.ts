import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PRIVILEGE_LEVELS } from '../domain/privileges.js';

type Key = keyof typeof PRIVILEGE_LEVELS;
type Level<K extends Key> = (typeof PRIVILEGE_LEVELS)[K][number];

/** One optional privilege: documented and validated against its own levels. */
const LevelOf = (key: Key) => {
  const levels = [...PRIVILEGE_LEVELS[key]];
  return applyDecorators(ApiPropertyOptional({ enum: levels }), IsOptional(), IsIn(levels));
};

/** Omitted keys mean `none`. */
export class PrivilegesDto {
  @LevelOf('softwareAccess') softwareAccess?: Level<'softwareAccess'>;
  @LevelOf('reporting') reporting?: Level<'reporting'>;
  @LevelOf('entitlements') entitlements?: Level<'entitlements'>;
  @LevelOf('manageAccess') manageAccess?: Level<'manageAccess'>;
  @LevelOf('contactUpdates') contactUpdates?: Level<'contactUpdates'>;
  @LevelOf('accountDocuments') accountDocuments?: Level<'accountDocuments'>;
}
