import type { Schemas } from '../api/client';
import { Select } from './kit';

type Privileges = Schemas['GrantedPrivilegesDto'];
type Key = keyof Privileges;

/** The privilege matrix: each privilege and the levels it has (from the API's enums, lowest first). */
export const PRIVILEGE_LEVELS: { [K in Key]: readonly Privileges[K][] } = {
  softwareAccess: ['none', 'downloads', 'downloads_media', 'downloads_media_quotes_renewals'],
  reporting: ['none', 'view'],
  entitlements: ['none', 'view', 'update'],
  manageAccess: ['none', 'view', 'update'],
  contactUpdates: ['none', 'view', 'update'],
  accountDocuments: ['none', 'view'],
};

export const PRIVILEGE_LABELS: Record<Key, string> = {
  softwareAccess: 'Software access',
  reporting: 'Reporting',
  entitlements: 'Entitlements',
  manageAccess: 'Manage access',
  contactUpdates: 'Contact updates',
  accountDocuments: 'Account documents',
};

export const NO_PRIVILEGES: Privileges = {
  softwareAccess: 'none',
  reporting: 'none',
  entitlements: 'none',
  manageAccess: 'none',
  contactUpdates: 'none',
  accountDocuments: 'none',
};

export function PrivilegeMatrix(props: { value: Privileges; onChange: (value: Privileges) => void; legend?: string }) {
  const keys = Object.keys(PRIVILEGE_LEVELS) as Key[];
  return (
    <fieldset class="matrix">
      <legend>{props.legend ?? 'Privileges'}</legend>
      {keys.map((key) => (
        <Select
          key={key}
          label={PRIVILEGE_LABELS[key]}
          value={props.value[key]}
          options={PRIVILEGE_LEVELS[key] as readonly string[]}
          onChange={(level) => props.onChange({ ...props.value, [key]: level } as Privileges)}
        />
      ))}
    </fieldset>
  );
}

export function privilegeSummary(p: Privileges): string {
  const keys = Object.keys(PRIVILEGE_LEVELS) as Key[];
  const granted = keys.filter((k) => p[k] !== 'none').map((k) => `${PRIVILEGE_LABELS[k]}: ${p[k].replace(/_/g, ' ')}`);
  return granted.length ? granted.join(', ') : 'no privileges';
}
