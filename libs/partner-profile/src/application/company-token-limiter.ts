import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DomainError, DomainErrorWithHeaders } from '#core';

export interface CompanyTokenFailureLimits {
  readonly limit: number;
  readonly windowSeconds: number;
}

export const COMPANY_TOKEN_LIMITER = Symbol('CompanyTokenLimiter');

/**
 * Slows down guessing of company tokens: each refused token (INVALID_COMPANY_TOKEN) counts against
 * the person and against the client address; once either is over the limit in a window, every
 * attempt of that person or from that address is answered 429 with Retry-After before the token is
 * even looked at (so a right guess cannot be told from a wrong one), recording nothing. Kept in this
 * process's memory, like the bearer-token failure limiter: every API instance limits on its own.
 */
export class CompanyTokenLimiter {
  private readonly counter: RateLimiterMemory;

  constructor(private readonly limits: CompanyTokenFailureLimits) {
    this.counter = new RateLimiterMemory({
      keyPrefix: 'company-token-failures',
      points: limits.limit,
      duration: limits.windowSeconds,
    });
  }

  /** Runs `attempt` unless `userId` or `client` is over the limit; counts it when it refuses the token. */
  async attempt<T>(userId: string, client: string, attempt: () => Promise<T>): Promise<T> {
    const keys = [`user:${userId}`, `ip:${client}`];
    for (const key of keys) {
      const used = await this.counter.get(key);
      if (used && used.consumedPoints >= this.limits.limit) {
        const retryAfter = Math.max(1, Math.ceil(used.msBeforeNext / 1000));
        throw new DomainErrorWithHeaders(
          'TOO_MANY_REQUESTS',
          `Too many refused company tokens; retry in ${retryAfter} s.`,
          { 'Retry-After': String(retryAfter) },
        );
      }
    }
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'INVALID_COMPANY_TOKEN') {
        // Over the limit is fine here: the next attempt is the one refused.
        await Promise.all(keys.map((key) => this.counter.consume(key).catch(() => undefined)));
      }
      throw error;
    }
  }
}
