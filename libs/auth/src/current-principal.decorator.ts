import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { DomainError } from '#core';
import type { AuthenticatedRequest } from './auth.guard.js';
import type { Principal } from './principal.js';

/** The caller the AuthGuard verified; a route marked @Public() has none. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new DomainError('UNAUTHENTICATED', 'This route needs a bearer token.');
  return principal;
});
