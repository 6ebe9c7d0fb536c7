import { DomainError } from '#core';
import { invalidCompanyToken } from '../domain/enterprise.errors.js';
import { CompanyTokenLimiter } from './company-token-limiter.js';

describe('CompanyTokenLimiter', () => {
  const refusedWith = async (attempt: Promise<unknown>) => {
    try {
      await attempt;
      return 'accepted';
    } catch (error) {
      return error instanceof DomainError ? error.code : 'other';
    }
  };

  it('lets at most `limit` tokens be tried at once: guesses sent in parallel cannot all pass the check first', async () => {
    const limiter = new CompanyTokenLimiter({ limit: 3, windowSeconds: 60 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let tried = 0;
    const guess = async () => {
      tried += 1;
      await gate; // every guess is still being looked up when the next one arrives
      throw invalidCompanyToken();
    };
    const attempts = Array.from({ length: 10 }, () => refusedWith(limiter.attempt('mallory', '10.0.0.1', guess)));
    await new Promise((resolve) => setImmediate(resolve));
    release();
    const outcomes = await Promise.all(attempts);
    expect(tried).toBe(3);
    expect(outcomes.filter((o) => o === 'INVALID_COMPANY_TOKEN')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'TOO_MANY_REQUESTS')).toHaveLength(7);
  });

  it('does not count accepted tokens or other refusals against the person', async () => {
    const limiter = new CompanyTokenLimiter({ limit: 2, windowSeconds: 60 });
    for (let i = 0; i < 5; i++) expect(await limiter.attempt('ann', '10.0.0.2', async () => 'joined')).toBe('joined');
    for (let i = 0; i < 5; i++)
      expect(
        await refusedWith(
          limiter.attempt('ann', '10.0.0.2', async () => {
            throw new DomainError('VALIDATION_FAILED', 'bad');
          }),
        ),
      ).toBe('VALIDATION_FAILED');
    expect(await refusedWith(limiter.attempt('ann', '10.0.0.2', () => Promise.reject(invalidCompanyToken())))).toBe(
      'INVALID_COMPANY_TOKEN',
    );
    expect(await refusedWith(limiter.attempt('ann', '10.0.0.2', () => Promise.reject(invalidCompanyToken())))).toBe(
      'INVALID_COMPANY_TOKEN',
    );
    expect(await refusedWith(limiter.attempt('ann', '10.0.0.2', async () => 'joined'))).toBe('TOO_MANY_REQUESTS');
  });
});
