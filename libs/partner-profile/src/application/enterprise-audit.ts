import type { AdministeredScopes, AuditDescriber, AuditedEvent, AuditFacts } from '#audit/ports/index';
import type { DocumentStore } from '#read-store';
import { ENTERPRISE_EVENT_TYPES, type EnterpriseEvent, enterpriseEvents } from '../domain/enterprise.events.js';
import { withoutCompanyTokenDigest } from '../domain/enterprise.redaction.js';
import { locationsManagedBy } from './managed-locations.js';

/** How the partner profile explains its events to the audit trail; company-token digests never leave the server. */
export const enterpriseAuditDescriber: AuditDescriber = {
  eventTypes: ENTERPRISE_EVENT_TYPES,
  describe: (event: AuditedEvent) => describeEnterpriseEvent(enterpriseEvents.read(event)!),
  redact: (event: AuditedEvent) => withoutCompanyTokenDigest(event.data),
};

/** Locations a person manages as PRC or APA in scope. */
export function enterpriseAdministeredScopes(store: DocumentStore): AdministeredScopes {
  return {
    async scopesOf(userId) {
      const locations = await locationsManagedBy(store, userId);
      return locations.length > 0 ? [{ 'scope.locationId': { $in: locations } }] : [];
    },
  };
}

/** The audit view of one enterprise event: scope, the people it concerns, and before/after values. */
export function describeEnterpriseEvent(event: EnterpriseEvent): AuditFacts {
  const enterpriseId = event.data.enterpriseId;
  const at = (locationId: string) => ({ enterpriseId, locationId });
  switch (event.type) {
    case 'EnterpriseRegistered':
      return {
        scope: { enterpriseId, locationId: event.data.worldwideHeadquartersLocationId },
        targetUserIds: [],
        changes: [{ field: 'enterprise', from: null, to: event.data.name }],
      };
    case 'CountryEnterpriseAdded':
      return {
        scope: at(event.data.headquartersLocationId),
        targetUserIds: [],
        changes: [{ field: 'countryEnterprise', from: null, to: event.data.country }],
      };
    case 'LocationCreated':
      return {
        scope: at(event.data.locationId),
        targetUserIds: [],
        changes: [{ field: 'location', from: null, to: event.data.name }],
      };
    case 'LocationProfileUpdated':
      return { scope: at(event.data.locationId), targetUserIds: [], changes: event.data.changes };
    case 'EmployeeJoined':
      return {
        scope: at(event.data.locationId),
        targetUserIds: [event.data.userId],
        changes: [{ field: 'accessRole', from: null, to: event.data.accessRole }],
      };
    case 'EmployeeSelfAssociationRequested':
      return {
        scope: at(event.data.locationId),
        targetUserIds: [event.data.userId],
        changes: [{ field: 'selfAssociation', from: null, to: 'pending' }],
      };
    case 'EmployeeSelfAssociationApproved':
      return {
        scope: at(event.data.locationId),
        targetUserIds: [event.data.userId],
        changes: [{ field: 'selfAssociation', from: 'pending', to: 'accepted' }],
      };
    case 'EmployeeSelfAssociationDenied':
      return {
        scope: at(event.data.locationId),
        targetUserIds: [event.data.userId],
        changes: [{ field: 'selfAssociation', from: 'pending', to: 'denied' }],
        ...(event.data.reason ? { reason: event.data.reason } : {}),
      };
    case 'AccessRoleChanged':
      return {
        scope: at(event.data.locationId),
        targetUserIds: [event.data.userId],
        changes: [{ field: 'accessRole', from: event.data.from, to: event.data.to }],
      };
    case 'PrimaryRelationshipContactAssigned': {
      const { userId, previousRole, formerPrcUserId } = event.data;
      return {
        scope: at(event.data.locationId),
        targetUserIds: formerPrcUserId ? [userId, formerPrcUserId] : [userId],
        changes: [
          { field: `accessRole(${userId})`, from: previousRole, to: 'prc' },
          ...(formerPrcUserId ? [{ field: `accessRole(${formerPrcUserId})`, from: 'prc', to: 'apa' }] : []),
        ],
      };
    }
    case 'EmployeeLeft':
      return {
        scope: at(event.data.locationId),
        targetUserIds: [event.data.userId],
        changes: [{ field: 'accessRole', from: event.data.accessRole, to: null }],
      };
    case 'TciRolesChanged':
      return {
        scope: at(event.data.locationId),
        targetUserIds: [event.data.userId],
        changes: (['businessContact', 'secondaryBusinessContact'] as const)
          .filter((k) => event.data.from[k] !== event.data.to[k])
          .map((k) => ({ field: `tci.${k}`, from: event.data.from[k], to: event.data.to[k] })),
      };
    case 'EmployeeProfileUpdated':
      return { scope: at(event.data.locationId), targetUserIds: [event.data.userId], changes: event.data.changes };
    case 'SelfAssociationPolicyChanged':
      return {
        scope: at(event.data.locationId),
        targetUserIds: [],
        changes: [
          {
            field: 'autoAcceptSelfAssociation',
            from: !event.data.autoAcceptSelfAssociation,
            to: event.data.autoAcceptSelfAssociation,
          },
        ],
      };
    case 'CompanyTokenRotated':
      // Only that it changed: not even the digest belongs in an audit answer.
      return {
        scope: at(event.data.locationId),
        targetUserIds: [],
        changes: [{ field: 'companyToken', from: '(previous)', to: '(rotated)' }],
      };
    case 'EnterpriseRenamed':
      return {
        scope: at(event.data.worldwideHeadquartersLocationId),
        targetUserIds: [],
        changes: [{ field: 'enterprise.name', from: event.data.from, to: event.data.to }],
      };
    case 'CountryEnterpriseRenamed':
      return {
        scope: at(event.data.headquartersLocationId),
        targetUserIds: [],
        changes: [
          {
            field: `countryEnterprise(${event.data.countryEnterpriseId}).name`,
            from: event.data.from,
            to: event.data.to,
          },
        ],
      };
    case 'CountryHeadquartersMoved':
      return {
        scope: at(event.data.to),
        targetUserIds: [],
        changes: [
          {
            field: `countryEnterprise(${event.data.countryEnterpriseId}).headquartersLocationId`,
            from: event.data.from,
            to: event.data.to,
          },
        ],
      };
    case 'WorldwideHeadquartersMoved':
      return {
        scope: at(event.data.to),
        targetUserIds: [],
        changes: [{ field: 'worldwideHeadquartersLocationId', from: event.data.from, to: event.data.to }],
      };
  }
}
