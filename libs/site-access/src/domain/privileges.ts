/** One level per application or tool, lowest first. */
export const PRIVILEGE_LEVELS = {
  softwareAccess: ['none', 'downloads', 'downloads_media', 'downloads_media_quotes_renewals'],
  reporting: ['none', 'view'],
  entitlements: ['none', 'view', 'update'],
  manageAccess: ['none', 'view', 'update'],
  contactUpdates: ['none', 'view', 'update'],
  accountDocuments: ['none', 'view'],
} as const;

export type PrivilegeKey = keyof typeof PRIVILEGE_LEVELS;
export type Privileges = { [K in PrivilegeKey]: (typeof PRIVILEGE_LEVELS)[K][number] };
export type PrivilegesInput = Partial<Privileges>;

export const PRIVILEGE_KEYS = Object.keys(PRIVILEGE_LEVELS) as PrivilegeKey[];
/** The "Account Management" privileges a plain user may not hold (the `*` in the source). */
export const ACCOUNT_MANAGEMENT_KEYS: readonly PrivilegeKey[] = ['manageAccess', 'contactUpdates', 'accountDocuments'];

/** Omitted keys mean `none`. */
export function normalizePrivileges(input: PrivilegesInput = {}): Privileges {
  return Object.fromEntries(PRIVILEGE_KEYS.map((k) => [k, input[k] ?? 'none'])) as Privileges;
}

/** What the primary holds implicitly: the highest level of every key. */
export function fullPrivileges(): Privileges {
  return Object.fromEntries(PRIVILEGE_KEYS.map((k) => [k, PRIVILEGE_LEVELS[k].at(-1)])) as Privileges;
}

/** Highest levels without any Account Management privilege: what a former primary keeps as a `user`. */
export function fullUserPrivileges(): Privileges {
  const all = fullPrivileges();
  for (const key of ACCOUNT_MANAGEMENT_KEYS) (all as Record<string, string>)[key] = 'none';
  return all;
}

export function hasAccountManagement(privileges: Privileges): boolean {
  return ACCOUNT_MANAGEMENT_KEYS.some((k) => privileges[k] !== 'none');
}

export function atLeast<K extends PrivilegeKey>(privileges: Privileges, key: K, level: Privileges[K]): boolean {
  const levels = PRIVILEGE_LEVELS[key] as readonly string[];
  return levels.indexOf(privileges[key]) >= levels.indexOf(level);
}

export function samePrivileges(a: Privileges, b: Privileges): boolean {
  return PRIVILEGE_KEYS.every((k) => a[k] === b[k]);
}

/** Before/after pairs of the keys that differ, for event payloads and the audit trail. */
export function privilegeChanges(from: Privileges, to: Privileges) {
  return PRIVILEGE_KEYS.filter((k) => from[k] !== to[k]).map((k) => ({
    field: `privileges.${k}`,
    from: from[k],
    to: to[k],
  }));
}
