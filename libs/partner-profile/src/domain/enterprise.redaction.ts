export const REDACTED = '(redacted)';

/** Company-token digests never leave the server: an event's data as anyone may see it. */
export function withoutCompanyTokenDigest(data: Record<string, unknown>): Record<string, unknown> {
  return 'companyTokenDigest' in data ? { ...data, companyTokenDigest: REDACTED } : data;
}
