/**
 * The platform's own error codes with their HTTP status. Each bounded context declares its codes
 * in its domain (`site.errors.ts`, `enterprise.errors.ts`) through `errorFactory`, so core names
 * no context; the one exception filter reads the status every DomainError carries.
 */
export const PLATFORM_ERRORS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONCURRENCY_CONFLICT: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  IDEMPOTENT_ANSWER_UNAVAILABLE: 409,
  PAYLOAD_TOO_LARGE: 413,
  IDEMPOTENCY_KEY_REUSED: 422,
  TOO_MANY_REQUESTS: 429,
  COMMAND_QUEUE_FULL: 503,
  SHUTTING_DOWN: 503,
  PROJECTION_NOT_CAUGHT_UP: 503,
} as const;

export type PlatformErrorCode = keyof typeof PLATFORM_ERRORS;
/** A code a context declared with its status through `errorFactory` (a typo does not compile). */
export type DeclaredErrorCode = string & { readonly __declaredErrorCode: true };
/** Any code a DomainError may carry: the platform's or one a context declared. */
export type ErrorCode = PlatformErrorCode | DeclaredErrorCode;

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export class DomainError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: readonly FieldError[],
    status?: number,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DomainError';
    this.status = status ?? PLATFORM_ERRORS[code as PlatformErrorCode];
  }
}

/** A context's error codes and statuses, and the one way its domain raises them. */
export function errorFactory<const T extends Record<string, number>>(codes: T) {
  return (code: keyof T & string, detail: string, errors?: readonly FieldError[]): DomainError =>
    new DomainError(code as DeclaredErrorCode, detail, errors, codes[code]);
}

/** A DomainError whose answer must carry headers the client acts on (`Retry-After`, `Allow`). */
export class DomainErrorWithHeaders extends DomainError {
  constructor(
    code: PlatformErrorCode,
    detail: string,
    readonly headers: Readonly<Record<string, string>>,
  ) {
    super(code, detail);
  }
}

/**
 * A DomainError whose problem+json answer carries extension members (RFC 9457 §3.2) a client acts
 * on, e.g. how a signed-in stranger to a site may ask for access. They never replace a standard member.
 */
export class DomainErrorWithExtensions extends DomainError {
  constructor(
    code: ErrorCode,
    detail: string,
    readonly extensions: Readonly<Record<string, unknown>>,
  ) {
    super(code, detail);
  }
}

export const forbidden = (detail = 'You are not allowed to do this.') => new DomainError('FORBIDDEN', detail);
export const notFound = (detail: string) => new DomainError('NOT_FOUND', detail);
export const validationFailed = (errors: readonly FieldError[], detail = 'The request is not valid.') =>
  new DomainError('VALIDATION_FAILED', detail, errors);

/** Thrown by an event store when the expected revision does not match; the pipeline retries. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`stream ${stream}: expected revision ${expected}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Thrown by a document store when a unique index would be violated (same type for every adapter). */
export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    readonly key: string,
  ) {
    super(`duplicate key in ${collection}: ${key}`);
    this.name = 'DuplicateKeyError';
  }
}
