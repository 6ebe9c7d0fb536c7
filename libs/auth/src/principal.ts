export const PLATFORM_ROLES = ['operator', 'auditor'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** The authenticated caller. Rights beyond the platform roles come only from the event streams. */
export interface Principal {
  /** The token's `sub`, lower-cased: user ids compare case-insensitively. */
  readonly userId: string;
  readonly roles: readonly PlatformRole[];
  /** When the person last proved who they are (`auth_time`), if the token says. */
  readonly authTime?: Date;
  /** The e-mail the identity provider vouches for: the `email` claim unless `email_verified` is false, else `sub` when it is an address. */
  readonly email?: string;
}
