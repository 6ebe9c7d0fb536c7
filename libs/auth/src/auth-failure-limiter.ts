import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainErrorWithHeaders } from '#core';

export interface AuthFailureLimits {
  readonly limit: number;
  readonly windowSeconds: number;
}

/**
 * Counts failed bearer-token verifications per client; past the limit in a window a client's
 * rejected tokens are answered 429 with Retry-After instead of 401, telling a misbehaving script
 * or a token-guesser to back off. Successful requests are never counted nor refused, so people
 * sharing an address (office NAT) with a broken client keep working. Kept in this process's
 * memory: every API instance limits on its own.
 */
export class AuthFailureLimiter {
  private readonly counter: RateLimiterMemory;

  constructor(limits: AuthFailureLimits) {
    this.counter = new RateLimiterMemory({
      keyPrefix: 'auth-failures',
      points: limits.limit,
      duration: limits.windowSeconds,
    });
  }

  /** Counts one failure of `client`; throws TOO_MANY_REQUESTS once it is over the limit. */
  async recordFailure(client: string): Promise<void> {
    try {
      await this.counter.consume(client);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new DomainErrorWithHeaders(
        'TOO_MANY_REQUESTS',
        `Too many rejected bearer tokens from this client; retry in ${retryAfter} s.`,
        { 'Retry-After': String(retryAfter) },
      );
    }
  }
}
