import { REDACTED, withoutCompanyTokenDigest } from './enterprise.redaction.js';

describe('withoutCompanyTokenDigest', () => {
  it('replaces a company-token digest and keeps the rest', () => {
    const data = { enterpriseId: 'e-1', locationId: 'l-1', companyTokenDigest: 'a'.repeat(64) };
    expect(withoutCompanyTokenDigest(data)).toEqual({
      enterpriseId: 'e-1',
      locationId: 'l-1',
      companyTokenDigest: REDACTED,
    });
    expect(data.companyTokenDigest).toBe('a'.repeat(64)); // the stored event is left as it was
  });

  it('leaves data without a digest as it is', () => {
    const data = { enterpriseId: 'e-1', userId: 'kim@example.com' };
    expect(withoutCompanyTokenDigest(data)).toBe(data);
  });
});
