import { PersistentMap as ImmutableMap } from '#core';
import type { AccessRole, EmployeeProfile, Tci } from './access-roles.js';
import type { EnterpriseEvent, LocationFacts } from './enterprise.events.js';

export interface CountryEnterprise {
  readonly countryEnterpriseId: string;
  readonly country: string;
  readonly name: string;
  readonly headquartersLocationId: string;
}

export interface Location extends LocationFacts {
  readonly companyTokenDigest: string;
  readonly autoAcceptSelfAssociation: boolean;
  readonly prcUserId: string | null;
}

export interface Employee extends EmployeeProfile {
  readonly locationId: string;
  readonly userId: string;
  readonly accessRole: AccessRole;
  readonly tci: Tci;
}

export interface SelfAssociation extends EmployeeProfile {
  readonly associationId: string;
  readonly locationId: string;
  readonly userId: string;
  readonly status: 'pending' | 'accepted' | 'denied';
}

/** One worldwide enterprise: its country enterprises, locations, employees and self-associations. */
export interface EnterpriseState {
  readonly exists: boolean;
  readonly enterpriseId: string;
  readonly name: string;
  readonly worldwideHeadquartersLocationId: string;
  readonly countries: ImmutableMap<string, CountryEnterprise>;
  readonly locations: ImmutableMap<string, Location>;
  /** Keyed by employeeKey(locationId, userId). */
  readonly employees: ImmutableMap<string, Employee>;
  readonly associations: ImmutableMap<string, SelfAssociation>;
}

export const employeeKey = (locationId: string, userId: string) => `${locationId}:${userId}`;

export const initialEnterpriseState = (): EnterpriseState => ({
  exists: false,
  enterpriseId: '',
  name: '',
  worldwideHeadquartersLocationId: '',
  countries: ImmutableMap(),
  locations: ImmutableMap(),
  employees: ImmutableMap(),
  associations: ImmutableMap(),
});

export function countryEnterpriseFor(state: EnterpriseState, country: string): CountryEnterprise | undefined {
  return state.countries.find((c) => c.country === country.toUpperCase());
}

/** Every location where `userId` is an employee, with their role there. */
export function employmentsOf(state: EnterpriseState, userId: string): Employee[] {
  return [...state.employees.values()].filter((e) => e.userId === userId);
}

function withEmployee(state: EnterpriseState, employee: Employee): EnterpriseState {
  const key = employeeKey(employee.locationId, employee.userId);
  const location = state.locations.get(employee.locationId)!;
  const prcUserId =
    employee.accessRole === 'prc'
      ? employee.userId
      : location.prcUserId === employee.userId
        ? null
        : location.prcUserId;
  return {
    ...state,
    employees: state.employees.set(key, employee),
    locations: state.locations.set(location.locationId, { ...location, prcUserId }),
  };
}

function patchEmployee(
  state: EnterpriseState,
  locationId: string,
  userId: string,
  patch: Partial<Employee>,
): EnterpriseState {
  return withEmployee(state, { ...state.employees.get(employeeKey(locationId, userId))!, ...patch });
}

function patchAssociation(
  state: EnterpriseState,
  associationId: string,
  patch: Partial<SelfAssociation>,
): EnterpriseState {
  return {
    ...state,
    associations: state.associations.set(associationId, { ...state.associations.get(associationId)!, ...patch }),
  };
}

function patchCountry(
  state: EnterpriseState,
  countryEnterpriseId: string,
  patch: Partial<CountryEnterprise>,
): EnterpriseState {
  const country = state.countries.get(countryEnterpriseId)!;
  return { ...state, countries: state.countries.set(countryEnterpriseId, { ...country, ...patch }) };
}

export function evolveEnterprise(state: EnterpriseState, event: EnterpriseEvent): EnterpriseState {
  switch (event.type) {
    case 'EnterpriseRegistered':
      return {
        ...initialEnterpriseState(),
        exists: true,
        enterpriseId: event.data.enterpriseId,
        name: event.data.name,
        worldwideHeadquartersLocationId: event.data.worldwideHeadquartersLocationId,
      };
    case 'CountryEnterpriseAdded': {
      const { countryEnterpriseId, country, name, headquartersLocationId } = event.data;
      return {
        ...state,
        countries: state.countries.set(countryEnterpriseId, {
          countryEnterpriseId,
          country,
          name,
          headquartersLocationId,
        }),
      };
    }
    case 'LocationCreated': {
      const { createdBy: _by, ...location } = event.data;
      return { ...state, locations: state.locations.set(location.locationId, { ...location, prcUserId: null }) };
    }
    case 'LocationProfileUpdated': {
      const location = state.locations.get(event.data.locationId)!;
      return { ...state, locations: state.locations.set(location.locationId, { ...location, ...event.data.profile }) };
    }
    case 'EmployeeJoined': {
      const { locationId, userId, firstName, lastName, email, telephone, accessRole, tci, associationId } = event.data;
      const joined = withEmployee(state, {
        locationId,
        userId,
        firstName,
        lastName,
        email,
        ...(telephone ? { telephone } : {}),
        accessRole,
        tci,
      });
      return associationId ? patchAssociation(joined, associationId, { status: 'accepted' }) : joined;
    }
    case 'EmployeeSelfAssociationRequested': {
      const { associationId, locationId, userId, firstName, lastName, email, telephone } = event.data;
      const association: SelfAssociation = {
        associationId,
        locationId,
        userId,
        firstName,
        lastName,
        email,
        ...(telephone ? { telephone } : {}),
        status: 'pending',
      };
      return { ...state, associations: state.associations.set(associationId, association) };
    }
    case 'EmployeeSelfAssociationApproved':
      return state; // the EmployeeJoined that follows marks the association accepted
    case 'EmployeeSelfAssociationDenied':
      return patchAssociation(state, event.data.associationId, { status: 'denied' });
    case 'AccessRoleChanged':
      return patchEmployee(state, event.data.locationId, event.data.userId, { accessRole: event.data.to });
    case 'PrimaryRelationshipContactAssigned': {
      const { locationId, userId, formerPrcUserId } = event.data;
      const demoted = formerPrcUserId
        ? patchEmployee(state, locationId, formerPrcUserId, { accessRole: 'apa' })
        : state;
      return patchEmployee(demoted, locationId, userId, { accessRole: 'prc' });
    }
    case 'EmployeeLeft': {
      const { locationId, userId } = event.data;
      const location = state.locations.get(locationId)!;
      return {
        ...state,
        employees: state.employees.delete(employeeKey(locationId, userId)),
        locations: state.locations.set(locationId, {
          ...location,
          prcUserId: location.prcUserId === userId ? null : location.prcUserId,
        }),
      };
    }
    case 'TciRolesChanged':
      return patchEmployee(state, event.data.locationId, event.data.userId, { tci: event.data.to });
    case 'EmployeeProfileUpdated': {
      const { firstName, lastName, email, telephone } = event.data.profile;
      return patchEmployee(state, event.data.locationId, event.data.userId, { firstName, lastName, email, telephone });
    }
    case 'SelfAssociationPolicyChanged': {
      const location = state.locations.get(event.data.locationId)!;
      return {
        ...state,
        locations: state.locations.set(location.locationId, {
          ...location,
          autoAcceptSelfAssociation: event.data.autoAcceptSelfAssociation,
        }),
      };
    }
    case 'CompanyTokenRotated': {
      const location = state.locations.get(event.data.locationId)!;
      return {
        ...state,
        locations: state.locations.set(location.locationId, {
          ...location,
          companyTokenDigest: event.data.companyTokenDigest,
        }),
      };
    }
    case 'EnterpriseRenamed':
      return { ...state, name: event.data.to };
    case 'CountryEnterpriseRenamed':
      return patchCountry(state, event.data.countryEnterpriseId, { name: event.data.to });
    case 'CountryHeadquartersMoved':
      return patchCountry(state, event.data.countryEnterpriseId, { headquartersLocationId: event.data.to });
    case 'WorldwideHeadquartersMoved':
      return { ...state, worldwideHeadquartersLocationId: event.data.to };
    default:
      return exhaustive(event);
  }
}

function exhaustive(event: never): never {
  throw new Error(`unknown enterprise event ${(event as { type: string }).type}`);
}
