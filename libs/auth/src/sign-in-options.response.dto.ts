import { ApiProperty } from '@nestjs/swagger';

/** The OpenID Connect provider a browser signs in with (authorization code + PKCE, public client). */
export class OidcSignInDto {
  @ApiProperty({ description: '`AUTH_ISSUER`: discovery is at `<issuer>/.well-known/openid-configuration`' })
  issuer: string;
  @ApiProperty({ description: '`AUTH_CLIENT_ID`: the public client id registered for the console' })
  clientId: string;
}

/** GET /v1/sign-in/options: how a browser obtains a bearer token for this API. */
export class SignInOptionsDto {
  @ApiProperty({
    description:
      'true only while the API verifies tokens with its generated development secret (no AUTH_JWT_SECRET, no AUTH_JWKS_URL): ' +
      'POST /v1/dev/sign-in then mints tokens for any user id. Never true in a configured deployment.',
  })
  development: boolean;
  @ApiProperty({
    type: OidcSignInDto,
    nullable: true,
    description: 'set when both AUTH_ISSUER and AUTH_CLIENT_ID are configured',
  })
  oidc: OidcSignInDto | null;
}
