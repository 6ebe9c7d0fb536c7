import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength, ValidateBy } from 'class-validator';
import { hasControlCharacters, isValidUserId, normalizeUserId } from '#core';

/** A user id in a path or body: normalised (NFKC, lower case) and printable, as the principal's is. */
export function IsUserId(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeUserId(value) : value)),
    IsString(),
    ValidateBy({
      name: 'isUserId',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidUserId(value),
        defaultMessage: (args) =>
          `${args?.property} must be 1 to 254 printable characters without spaces, line breaks or invisible characters`,
      },
    }),
  );
}

/** A person's or organisation's name: one line of visible text (it ends up in e-mails and reports). */
export function IsSingleLineText(maxLength: number): PropertyDecorator {
  return applyDecorators(
    IsString(),
    IsNotEmpty(),
    MaxLength(maxLength),
    ValidateBy({
      name: 'isSingleLineText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !hasControlCharacters(value),
        defaultMessage: (args) =>
          `${args?.property} must not contain line breaks, control or invisible formatting characters`,
      },
    }),
  );
}
