import { errorFactory } from '#core';

/** The partner-profile codes of the HTTP contract, with their status. */
export const ENTERPRISE_ERRORS = {
  INVALID_COMPANY_TOKEN: 403,
  ALREADY_MEMBER: 409,
  REQUEST_PENDING: 409,
  REQUEST_NOT_PENDING: 409,
  PRC_REQUIRES_TRANSFER: 409,
  DISTRIBUTOR_ROLE_NOT_ALLOWED: 409,
  NOT_AN_EMPLOYEE: 409,
} as const;

export const enterpriseError = errorFactory(ENTERPRISE_ERRORS);

/** The one answer to a company token that opens nothing: unknown, rotated away, or for another location. */
export const invalidCompanyToken = () =>
  enterpriseError('INVALID_COMPANY_TOKEN', 'This company token does not open any location you may join.');
