import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
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

  /**
   * Runs `attempt` unless `userId` or `client` is over the limit; counts it when it refuses the token.
   * Each attempt holds a point of both counters while it runs (given back unless the token was
   * refused), so guesses sent in parallel cannot all pass the check before the first is counted.
   */
  async attempt<T>(userId: string, client: string, attempt: () => Promise<T>): Promise<T> {
    const held: string[] = [];
    for (const key of [`user:${userId}`, `ip:${client}`]) {
      try {
        await this.counter.consume(key);
        held.push(key);
      } catch (rejection) {
        await this.giveBack(held);
        const msBeforeNext = (rejection as Partial<RateLimiterRes>).msBeforeNext ?? this.limits.windowSeconds * 1000;
        const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
        throw new DomainErrorWithHeaders(
          'TOO_MANY_REQUESTS',
          `Too many refused company tokens; retry in ${retryAfter} s.`,
          { 'Retry-After': String(retryAfter) },
        );
      }
    }
    let refused = false;
    try {
      return await attempt();
    } catch (error) {
      refused = error instanceof DomainError && error.code === 'INVALID_COMPANY_TOKEN';
      throw error;
    } finally {
      if (!refused) await this.giveBack(held);
    }
  }

  private async giveBack(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.counter.reward(key).catch(() => undefined)));
  }
}
