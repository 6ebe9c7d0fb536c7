import type { Privileges } from '../domain/privileges.js';

/**
 * Privilege sets spelled out level by level, for specs to compare against (never derived from the
 * product's own helpers, so a wrong helper cannot make its own test pass).
 */

/** Nothing at all: what a member holds where nobody granted a level. */
export const NONE: Privileges = {
  softwareAccess: 'none',
  reporting: 'none',
  entitlements: 'none',
  manageAccess: 'none',
  contactUpdates: 'none',
  accountDocuments: 'none',
};

/** Everything: what the primary contact holds. */
export const FULL: Privileges = {
  softwareAccess: 'downloads_media_quotes_renewals',
  reporting: 'view',
  entitlements: 'update',
  manageAccess: 'update',
  contactUpdates: 'update',
  accountDocuments: 'view',
};

/** What a former primary keeps as a `user`: everything but the Account Management privileges. */
export const FULL_USER: Privileges = {
  ...FULL,
  manageAccess: 'none',
  contactUpdates: 'none',
  accountDocuments: 'none',
};
