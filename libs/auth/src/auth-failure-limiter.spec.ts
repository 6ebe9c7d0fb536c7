import { DomainErrorWithHeaders } from '#core';
import { AuthFailureLimiter } from './auth-failure-limiter.js';

describe('AuthFailureLimiter', () => {
  it('allows `limit` failures per client, then refuses with TOO_MANY_REQUESTS and Retry-After', async () => {
    const limiter = new AuthFailureLimiter({ limit: 2, windowSeconds: 60 });
    await limiter.recordFailure('10.0.0.1');
    await limiter.recordFailure('10.0.0.1');
    const refused = await limiter.recordFailure('10.0.0.1').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainErrorWithHeaders);
    expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 429, headers: { 'Retry-After': '60' } });
    await expect(limiter.recordFailure('10.0.0.2')).resolves.toBeUndefined();
  });
});
