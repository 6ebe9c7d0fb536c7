import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '#core';
import { AuthFailureLimiter } from './auth-failure-limiter.js';
import { JwtVerifier } from './jwt-verifier.js';
import type { Principal } from './principal.js';

const PUBLIC = 'auth:public';
/** Marks a route that needs no bearer token (health, docs). */
export const Public = () => SetMetadata(PUBLIC, true);

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  /** The client address as Express or Fastify sees it (the socket's peer: no proxy is trusted). */
  ip?: string;
  principal?: Principal;
}

/** Global guard: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthFailureLimiter) private readonly failures: AuthFailureLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new DomainError('UNAUTHENTICATED', 'Send an Authorization: Bearer <token> header.');
    try {
      request.principal = await this.verifier.verify(match[1]!);
    } catch (error) {
      // Only failed verifications count towards the per-client limit (429 past it).
      if (error instanceof DomainError && error.code === 'UNAUTHENTICATED')
        await this.failures.recordFailure(request.ip ?? 'unknown');
      throw error;
    }
    return true;
  }
}
