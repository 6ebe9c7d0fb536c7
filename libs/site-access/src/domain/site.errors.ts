import { errorFactory } from '#core';

/** The site-access codes of the HTTP contract, with their status. */
export const SITE_ERRORS = {
  ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE: 400,
  REAUTHENTICATION_REQUIRED: 401,
  SITE_EXISTS: 409,
  ALREADY_MEMBER: 409,
  NOT_A_MEMBER: 409,
  REQUEST_PENDING: 409,
  REQUEST_NOT_PENDING: 409,
  SECONDARY_CONTACT_LIMIT: 409,
  PRIMARY_CONTACT_IMMUTABLE: 409,
} as const;

export const siteError = errorFactory(SITE_ERRORS);
