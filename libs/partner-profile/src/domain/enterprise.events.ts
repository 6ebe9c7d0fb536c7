import { eventRegistry } from '#core';
import type { AccessRole, EmployeeProfile, LocationProfile, Tci } from './access-roles.js';
import type { Region } from './regions.js';

export interface Change {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

export interface LocationFacts extends LocationProfile {
  readonly enterpriseId: string;
  readonly countryEnterpriseId: string;
  readonly locationId: string;
  readonly country: string;
  readonly region: Region;
}

type Employee = EmployeeProfile & { enterpriseId: string; locationId: string; userId: string };

/**
 * Every fact of an enterprise's stream. Company tokens appear only as SHA-256 digests: the event
 * log (and so the audit trail) never holds a usable token.
 */
export type EnterpriseEvent =
  | {
      type: 'EnterpriseRegistered';
      data: { enterpriseId: string; name: string; worldwideHeadquartersLocationId: string; registeredBy: string };
    }
  | {
      type: 'CountryEnterpriseAdded';
      data: {
        enterpriseId: string;
        countryEnterpriseId: string;
        country: string;
        name: string;
        headquartersLocationId: string;
      };
    }
  | {
      type: 'LocationCreated';
      data: LocationFacts & { companyTokenDigest: string; autoAcceptSelfAssociation: boolean; createdBy: string };
    }
  | {
      type: 'LocationProfileUpdated';
      data: {
        enterpriseId: string;
        locationId: string;
        profile: LocationProfile;
        changes: Change[];
        updatedBy: string;
      };
    }
  | {
      type: 'EmployeeJoined';
      data: Employee & {
        accessRole: AccessRole;
        tci: Tci;
        /** `added`: a PRC/APA in scope added the person directly (no self-association). */
        via: 'location_created' | 'self_association' | 'added';
        associationId?: string;
      };
    }
  | {
      type: 'EmployeeSelfAssociationRequested';
      /** `email` is what the requester typed (shown to approvers); the decision e-mail goes only to `verifiedEmail`, from the token. */
      data: Employee & { associationId: string; verifiedEmail?: string };
    }
  | {
      type: 'EmployeeSelfAssociationApproved';
      data: { enterpriseId: string; locationId: string; associationId: string; userId: string; decidedBy: string };
    }
  | {
      type: 'EmployeeSelfAssociationDenied';
      data: {
        enterpriseId: string;
        locationId: string;
        associationId: string;
        userId: string;
        decidedBy: string;
        reason?: string;
      };
    }
  | {
      type: 'AccessRoleChanged';
      data: {
        enterpriseId: string;
        locationId: string;
        userId: string;
        from: AccessRole;
        to: AccessRole;
        changedBy: string;
      };
    }
  | {
      type: 'PrimaryRelationshipContactAssigned';
      data: {
        enterpriseId: string;
        locationId: string;
        userId: string;
        previousRole: AccessRole;
        formerPrcUserId: string | null;
        assignedBy: string;
      };
    }
  | { type: 'EmployeeLeft'; data: Employee & { accessRole: AccessRole; removedBy: string } }
  | {
      type: 'TciRolesChanged';
      data: { enterpriseId: string; locationId: string; userId: string; from: Tci; to: Tci; changedBy: string };
    }
  | {
      type: 'EmployeeProfileUpdated';
      data: {
        enterpriseId: string;
        locationId: string;
        userId: string;
        profile: EmployeeProfile;
        changes: Change[];
        updatedBy: string;
      };
    }
  | {
      type: 'SelfAssociationPolicyChanged';
      data: { enterpriseId: string; locationId: string; autoAcceptSelfAssociation: boolean; changedBy: string };
    }
  | {
      type: 'CompanyTokenRotated';
      data: { enterpriseId: string; locationId: string; companyTokenDigest: string; rotatedBy: string };
    }
  | {
      type: 'EnterpriseRenamed';
      data: {
        enterpriseId: string;
        /** Where the rename is audited (scope). */
        worldwideHeadquartersLocationId: string;
        from: string;
        to: string;
        renamedBy: string;
      };
    }
  | {
      type: 'CountryEnterpriseRenamed';
      data: {
        enterpriseId: string;
        countryEnterpriseId: string;
        /** Where the rename is audited (scope). */
        headquartersLocationId: string;
        from: string;
        to: string;
        renamedBy: string;
      };
    }
  | {
      /** The country enterprise's HQ moved: its PRC now manages every location of that country enterprise. */
      type: 'CountryHeadquartersMoved';
      data: { enterpriseId: string; countryEnterpriseId: string; from: string; to: string; movedBy: string };
    }
  | {
      /** The worldwide HQ moved: its PRC now manages every country enterprise. */
      type: 'WorldwideHeadquartersMoved';
      data: { enterpriseId: string; from: string; to: string; movedBy: string };
    };

export type EnterpriseEventType = EnterpriseEvent['type'];
/** Every enterprise event type (no stored shape has changed yet: no upcasters). */
export const enterpriseEvents = eventRegistry<EnterpriseEvent>({
  EnterpriseRegistered: {},
  CountryEnterpriseAdded: {},
  LocationCreated: {},
  LocationProfileUpdated: {},
  EmployeeJoined: {},
  EmployeeSelfAssociationRequested: {},
  EmployeeSelfAssociationApproved: {},
  EmployeeSelfAssociationDenied: {},
  AccessRoleChanged: {},
  PrimaryRelationshipContactAssigned: {},
  EmployeeLeft: {},
  TciRolesChanged: {},
  EmployeeProfileUpdated: {},
  SelfAssociationPolicyChanged: {},
  CompanyTokenRotated: {},
  EnterpriseRenamed: {},
  CountryEnterpriseRenamed: {},
  CountryHeadquartersMoved: {},
  WorldwideHeadquartersMoved: {},
});

export const ENTERPRISE_EVENT_TYPES: readonly EnterpriseEvent['type'][] = enterpriseEvents.types;
