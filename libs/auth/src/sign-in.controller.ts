import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '#core';
import { Public } from './auth.guard.js';
import { SignInOptionsDto } from './sign-in-options.response.dto.js';

/** Whether tokens are verified with the generated development secret: no AUTH_JWT_SECRET and no AUTH_JWKS_URL. */
export const usesDevelopmentSecret = (config: AppConfig): boolean => !config.auth.jwtSecret && !config.auth.jwksUrl;

export function signInOptions(config: AppConfig): SignInOptionsDto {
  const { issuer, clientId } = config.auth;
  return { development: usesDevelopmentSecret(config), oidc: issuer && clientId ? { issuer, clientId } : null };
}

export const SIGN_IN_OPTIONS = Symbol('SIGN_IN_OPTIONS');

/** Public: tells the console which sign-in to offer (it reveals no secret). */
@ApiTags('sign-in')
@Controller('v1/sign-in')
export class SignInController {
  constructor(@Inject(SIGN_IN_OPTIONS) private readonly signIn: SignInOptionsDto) {}

  @Public()
  @Get('options')
  @ApiOperation({ operationId: 'SignInController_options', summary: undefined })
  @ApiOkResponse({ type: SignInOptionsDto, description: 'Development sign-in and/or OpenID Connect settings.' })
  options(): SignInOptionsDto {
    return this.signIn;
  }
}
