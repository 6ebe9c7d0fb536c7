import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldError, validationFailed } from '#core';

/** One validation policy for every body and query: unknown fields are errors, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

function flatten(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const missing = missingMessage(error);
    const own = missing
      ? [{ field, message: missing }]
      : Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * A required field that is absent (or null) fails every constraint it has ("must be a string",
 * "should not be empty", "must be shorter than…"): it gets one message that says what is wrong
 * instead. Unknown fields (`whitelistValidation`) keep theirs, whatever their value.
 */
function missingMessage(error: ValidationError): string | undefined {
  const constraints = Object.keys(error.constraints ?? {});
  if (constraints.length === 0 || constraints.includes('whitelistValidation')) return undefined;
  if (error.value === undefined) return `${error.property} is required`;
  if (error.value === null) return `${error.property} is required (null is not a value here)`;
  return undefined;
}
