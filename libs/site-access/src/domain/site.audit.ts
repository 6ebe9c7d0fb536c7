import type { AuditFacts } from '../../../core/src/index.js';
import { PRIVILEGE_KEYS, type Privileges, privilegeChanges } from './privileges.js';
import type { SiteEvent } from './site.events.js';

const NONE = Object.fromEntries(PRIVILEGE_KEYS.map((k) => [k, 'none'])) as Privileges;
const granted = (role: string, privileges: Privileges) => [{ field: 'role', from: null, to: role }, ...privilegeChanges(NONE, privileges)];

/** The audit view of one site event: scope, the people it concerns, and before/after values. */
export function describeSiteEvent(event: SiteEvent): AuditFacts {
  const scope = { siteId: event.data.siteId };
  switch (event.type) {
    case 'SiteRegistered':
      return { scope, targetUserIds: [event.data.primary.userId], changes: [{ field: 'site', from: null, to: event.data.name }, ...granted('primary', event.data.privileges)] };
    case 'UserAdded':
      return { scope, targetUserIds: [event.data.userId], changes: granted(event.data.role, event.data.privileges) };
    case 'UserNominated':
      return { scope, targetUserIds: [event.data.userId], changes: [{ field: 'request', from: null, to: 'pending' }], justification: event.data.businessJustification };
    case 'NominationJustificationEdited':
      return { scope, targetUserIds: [event.data.userId], changes: [{ field: 'businessJustification', from: event.data.from, to: event.data.to }], justification: event.data.to };
    case 'AccessGranted':
      return { scope, targetUserIds: [event.data.userId], changes: [{ field: 'request', from: 'pending', to: 'granted' }, ...granted(event.data.role, event.data.privileges)], justification: event.data.businessJustification };
    case 'AccessDenied':
      return { scope, targetUserIds: [event.data.userId], changes: [{ field: 'request', from: 'pending', to: 'denied' }], justification: event.data.businessJustification, reason: event.data.reason };
    case 'RoleChanged':
      return { scope, targetUserIds: [event.data.userId], changes: [{ field: 'role', from: event.data.from, to: event.data.to }] };
    case 'PrivilegesChanged':
      return { scope, targetUserIds: [event.data.userId], changes: event.data.changes };
    case 'UserRemoved':
      return { scope, targetUserIds: [event.data.userId], changes: [{ field: 'role', from: event.data.role, to: null }] };
    case 'PrimaryContactTransferred': {
      const { from, to, formerPrimaryRole, newPrimaryPreviousRole } = event.data;
      return {
        scope,
        targetUserIds: [to.userId, from.userId],
        changes: [
          { field: `role(${to.userId})`, from: newPrimaryPreviousRole, to: 'primary' },
          { field: `role(${from.userId})`, from: 'primary', to: formerPrimaryRole },
        ],
      };
    }
    case 'ContactUpdated':
      return { scope, targetUserIds: event.data.contact.userId ? [event.data.contact.userId] : [], changes: event.data.changes.map((c) => ({ ...c, field: `contact(${event.data.contactId}).${c.field}` })) };
    case 'ContactRemoved':
      return { scope, targetUserIds: event.data.contact.userId ? [event.data.contact.userId] : [], changes: [{ field: `contact(${event.data.contactId})`, from: event.data.contact.email, to: null }] };
  }
}
