import type { Issued } from '#core';
import type { AccessRole, EmployeeProfile, LocationProfile } from './access-roles.js';

export interface NewLocation extends LocationProfile {
  readonly locationId: string;
  readonly country: string;
  readonly companyTokenDigest: string;
}

export type EnterpriseCommand = Issued &
  (
    | {
        type: 'RegisterEnterprise';
        enterpriseId: string;
        name: string;
        countryEnterpriseId: string;
        countryEnterpriseName: string;
        location: NewLocation;
        employee: EmployeeProfile;
      }
    | { type: 'CreateLocation'; location: NewLocation; newCountryEnterpriseId: string; employee: EmployeeProfile }
    | { type: 'UpdateLocationProfile'; locationId: string; profile: LocationProfile }
    | {
        type: 'RequestSelfAssociation';
        locationId: string;
        associationId: string;
        companyTokenDigest: string;
        employee: EmployeeProfile;
      }
    | { type: 'ApproveSelfAssociation'; associationId: string; locationId?: string }
    | { type: 'DenySelfAssociation'; associationId: string; locationId?: string; reason?: string }
    | { type: 'ChangeSelfAssociationPolicy'; locationId: string; autoAcceptSelfAssociation: boolean }
    | { type: 'RotateCompanyToken'; locationId: string; companyTokenDigest: string }
    | { type: 'ChangeAccessRole'; locationId: string; userId: string; accessRole: AccessRole }
    | { type: 'AssignPrimaryRelationshipContact'; locationId: string; userId: string }
    | {
        type: 'ChangeTciRoles';
        locationId: string;
        userId: string;
        businessContact: boolean;
        secondaryBusinessContact: boolean;
      }
    | { type: 'UpdateEmployeeProfile'; locationId: string; userId: string; profile: EmployeeProfile }
    | { type: 'RemoveEmployee'; locationId: string; userId: string }
    | { type: 'AddEmployee'; locationId: string; userId: string; employee: EmployeeProfile; accessRole: AccessRole }
    | { type: 'RenameEnterprise'; name: string }
    | { type: 'RenameCountryEnterprise'; countryEnterpriseId: string; name: string }
    | { type: 'MoveCountryHeadquarters'; countryEnterpriseId: string; locationId: string }
    | { type: 'MoveWorldwideHeadquarters'; locationId: string }
  );

export type EnterpriseCommandOf<T extends EnterpriseCommand['type']> = Extract<EnterpriseCommand, { type: T }>;
