import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '#core';
import { AuthFailureLimiter } from './auth-failure-limiter.js';
import { AuthGuard } from './auth.guard.js';
import { loadOrCreateDevSecret } from './dev-secret.js';
import { JwtVerifier } from './jwt-verifier.js';
import { DEV_SIGN_IN_KEY, DevSignInController } from './dev-sign-in.controller.js';
import { SIGN_IN_OPTIONS, SignInController, signInOptions, usesDevelopmentSecret } from './sign-in.controller.js';
import { WhoAmIController } from './whoami.controller.js';

@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    // The development sign-in exists only while tokens are checked against the generated secret.
    const development = usesDevelopmentSecret(config);
    const { issuer, audience } = config.auth;
    return {
      module: AuthModule,
      global: true,
      controllers: [WhoAmIController, SignInController, ...(development ? [DevSignInController] : [])],
      providers: [
        { provide: SIGN_IN_OPTIONS, useValue: signInOptions(config) },
        ...(development
          ? [{ provide: DEV_SIGN_IN_KEY, useFactory: () => ({ secret: resolveSecret(config), issuer, audience }) }]
          : []),
        { provide: JwtVerifier, useFactory: () => verifierFor(config) },
        { provide: AuthFailureLimiter, useFactory: () => new AuthFailureLimiter(config.authFailures) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [JwtVerifier],
    };
  }
}

export function verifierFor(config: AppConfig): JwtVerifier {
  const { issuer, audience } = config.auth;
  if (config.auth.jwksUrl)
    return new JwtVerifier({ key: { kind: 'jwks', url: config.auth.jwksUrl }, issuer, audience });
  const logger = new Logger('Auth');
  const secret = resolveSecret(config, (created, file) => {
    if (created) logger.warn(`No AUTH_JWT_SECRET set: generated a development secret into ${file}`);
    logger.log(`Mint a token with: npm run token -- --sub ana@example.com [--role operator] [--role auditor]`);
  });
  return new JwtVerifier({ key: { kind: 'secret', secret }, issuer, audience });
}

/** AUTH_JWT_SECRET when set; otherwise the development secret kept in DATA_DIR (reported to `onDevSecret`). */
export function resolveSecret(config: AppConfig, onDevSecret?: (created: boolean, file: string) => void): string {
  if (config.auth.jwtSecret) return config.auth.jwtSecret;
  const { secret, created, file } = loadOrCreateDevSecret(config.dataDir);
  onDevSecret?.(created, file);
  return secret;
}
