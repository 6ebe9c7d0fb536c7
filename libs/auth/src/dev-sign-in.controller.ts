import { Body, Controller, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#contract';
import { forbidden } from '#core';
import { Public } from './auth.guard.js';
import { DevSignInRequestDto } from './dev-sign-in.request.dto.js';
import { DevSignInDto } from './dev-sign-in.response.dto.js';
import { mintToken } from './token-minter.js';

export const DEV_SIGN_IN_KEY = Symbol('DEV_SIGN_IN_KEY');

export interface DevSignInKey {
  readonly secret: string;
  readonly issuer?: string;
  readonly audience?: string;
}

const LIFETIME_SECONDS = 8 * 3600;

/** Whether a request comes from this machine (IPv4 127/8, IPv6 ::1, or IPv4-mapped 127/8). */
export function isLoopback(ip: string | undefined): boolean {
  if (!ip) return false;
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return v4.startsWith('127.') || ip === '::1';
}

/**
 * DEVELOPMENT ONLY: mints a token for any user id and platform roles, like `npm run token`.
 * AuthModule registers this controller only while the generated development secret is in use
 * (never with AUTH_JWT_SECRET or AUTH_JWKS_URL), so in a configured deployment the route is a 404.
 * It answers only requests from this machine: a server started without a secret and reachable from
 * the network must not hand an operator token to anyone who asks.
 */
@ApiTags('sign-in')
@Controller('v1/dev/sign-in')
export class DevSignInController {
  constructor(@Inject(DEV_SIGN_IN_KEY) private readonly key: DevSignInKey) {}

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'DevSignInController_signIn',
    summary: 'Development sign-in (only without AUTH_JWT_SECRET / AUTH_JWKS_URL)',
  })
  @ApiOkResponse({ type: DevSignInDto })
  @ApiProblems(400, 403)
  async signIn(@Body() body: DevSignInRequestDto, @Ip() ip?: string): Promise<DevSignInDto> {
    if (!isLoopback(ip)) throw forbidden('The development sign-in answers only requests from this machine (loopback).');
    const expires = Math.floor(Date.now() / 1000) + LIFETIME_SECONDS;
    const token = await mintToken(this.key.secret, {
      sub: body.userId,
      roles: body.roles ?? [],
      expiresIn: expires,
      issuer: this.key.issuer,
      audience: this.key.audience,
    });
    return { token, expiresAt: new Date(expires * 1000).toISOString(), development: true };
  }
}
