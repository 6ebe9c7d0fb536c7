/**
 * Every error code of the HTTP contract (api.md) with its status. Deciders and adapters throw
 * `DomainError`s by code; one exception filter turns them into problem+json.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE: 400,
  UNAUTHENTICATED: 401,
  REAUTHENTICATION_REQUIRED: 401,
  FORBIDDEN: 403,
  INVALID_COMPANY_TOKEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  SITE_EXISTS: 409,
  ALREADY_MEMBER: 409,
  NOT_A_MEMBER: 409,
  REQUEST_PENDING: 409,
  REQUEST_NOT_PENDING: 409,
  SECONDARY_CONTACT_LIMIT: 409,
  PRIMARY_CONTACT_IMMUTABLE: 409,
  PRC_REQUIRES_TRANSFER: 409,
  DISTRIBUTOR_ROLE_NOT_ALLOWED: 409,
  NOT_AN_EMPLOYEE: 409,
  CONCURRENCY_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  PROJECTION_NOT_CAUGHT_UP: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: readonly FieldError[],
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** A DomainError whose answer must carry headers the client acts on (`Retry-After`, `Allow`). */
export class DomainErrorWithHeaders extends DomainError {
  constructor(
    code: ErrorCode,
    detail: string,
    readonly headers: Readonly<Record<string, string>>,
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
