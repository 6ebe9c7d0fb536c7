import { enterpriseError, invalidCompanyToken } from './enterprise.errors.js';
import { DomainError, forbidden, notFound, refuseAuditors, routeByType, sameDigest } from '#core';
import {
  type AccessRole,
  DEFAULT_ACCESS_ROLE,
  DISTRIBUTOR_ROLES,
  type EmployeeProfile,
  type LocationProfile,
  NO_TCI,
} from './access-roles.js';
import type { EnterpriseCommand, EnterpriseCommandOf, NewLocation } from './enterprise.commands.js';
import type { Change, EnterpriseEvent } from './enterprise.events.js';
import { isPrcInScope } from './enterprise.scope.js';
import { mayEditCountryEnterprise, mayEditEnterprise, mayManageLocation } from './enterprise.permissions.js';
import {
  type EnterpriseState,
  type Location,
  countryEnterpriseFor,
  employeeKey,
  employmentsOf,
} from './enterprise.state.js';
import { regionOf } from './regions.js';

/** Refuses auditors, registers enterprises, checks company tokens and routes every other command to its own small decision; all of them pure. */
export function decideEnterprise(command: EnterpriseCommand, state: EnterpriseState): EnterpriseEvent[] {
  refuseAuditors(command.actor);
  if (command.type === 'RegisterEnterprise') return registerEnterprise(command, state);
  // A wrong token must not reveal whether the enterprise or location exists.
  if (command.type === 'RequestSelfAssociation') return requestSelfAssociation(command, state);
  if (!state.exists) throw notFound('This enterprise does not exist.');
  return decideOnEnterprise(command, state);
}

/** The decisions on a registered enterprise, one per command. */
const decideOnEnterprise = routeByType<
  Exclude<EnterpriseCommand, { type: 'RegisterEnterprise' | 'RequestSelfAssociation' }>,
  EnterpriseState,
  EnterpriseEvent
>({
  CreateLocation: createLocation,
  UpdateLocationProfile: updateLocationProfile,
  ApproveSelfAssociation: decideSelfAssociation,
  DenySelfAssociation: decideSelfAssociation,
  ChangeSelfAssociationPolicy: changeSelfAssociationPolicy,
  RotateCompanyToken: rotateCompanyToken,
  ChangeAccessRole: changeAccessRole,
  AssignPrimaryRelationshipContact: assignPrc,
  ChangeTciRoles: changeTciRoles,
  UpdateEmployeeProfile: updateEmployeeProfile,
  RemoveEmployee: removeEmployee,
  AddEmployee: addEmployee,
  RenameEnterprise: renameEnterprise,
  RenameCountryEnterprise: renameCountryEnterprise,
  MoveCountryHeadquarters: moveCountryHeadquarters,
  MoveWorldwideHeadquarters: moveWorldwideHeadquarters,
});

function registerEnterprise(
  command: EnterpriseCommandOf<'RegisterEnterprise'>,
  state: EnterpriseState,
): EnterpriseEvent[] {
  if (state.exists)
    throw new DomainError(
      'CONCURRENCY_CONFLICT',
      `Enterprise ${state.enterpriseId} already exists; retry to get a new id.`,
    );
  const { enterpriseId, name, countryEnterpriseId, countryEnterpriseName, location } = command;
  const by = command.actor.userId;
  return [
    {
      type: 'EnterpriseRegistered',
      data: { enterpriseId, name, worldwideHeadquartersLocationId: location.locationId, registeredBy: by },
    },
    {
      type: 'CountryEnterpriseAdded',
      data: {
        enterpriseId,
        countryEnterpriseId,
        country: location.country.toUpperCase(),
        name: countryEnterpriseName,
        headquartersLocationId: location.locationId,
      },
    },
    ...newLocation(enterpriseId, countryEnterpriseId, location, command.employee, by),
  ];
}

function createLocation(command: EnterpriseCommandOf<'CreateLocation'>, state: EnterpriseState): EnterpriseEvent[] {
  const by = command.actor.userId;
  if (employmentsOf(state, by).length === 0)
    throw forbidden('Only employees of this enterprise may add a location to it.');
  if (state.locations.has(command.location.locationId))
    throw new DomainError('CONCURRENCY_CONFLICT', 'Location id already in use; retry.');
  const existing = countryEnterpriseFor(state, command.location.country);
  if (!existing && state.countries.has(command.newCountryEnterpriseId))
    throw new DomainError('CONCURRENCY_CONFLICT', 'Country enterprise id already in use; retry.');
  const country = command.location.country.toUpperCase();
  const added: EnterpriseEvent[] = existing
    ? []
    : [
        {
          type: 'CountryEnterpriseAdded',
          data: {
            enterpriseId: state.enterpriseId,
            countryEnterpriseId: command.newCountryEnterpriseId,
            country,
            name: `${state.name} ${country}`,
            headquartersLocationId: command.location.locationId,
          },
        },
      ];
  const countryEnterpriseId = existing?.countryEnterpriseId ?? command.newCountryEnterpriseId;
  return [...added, ...newLocation(state.enterpriseId, countryEnterpriseId, command.location, command.employee, by)];
}

/** A location and its creator, who becomes its PRC. */
function newLocation(
  enterpriseId: string,
  countryEnterpriseId: string,
  location: NewLocation,
  employee: EmployeeProfile,
  by: string,
): EnterpriseEvent[] {
  const country = location.country.toUpperCase();
  const region = regionOf(country);
  if (!region)
    throw new DomainError('VALIDATION_FAILED', `Unknown country ${location.country}.`, [
      { field: 'country', message: 'must be an ISO 3166-1 alpha-2 code we know' },
    ]);
  const { locationId, name, address, city, postalCode, partnerTier, companyTokenDigest } = location;
  return [
    {
      type: 'LocationCreated',
      data: {
        enterpriseId,
        countryEnterpriseId,
        locationId,
        name,
        address,
        city,
        postalCode,
        partnerTier,
        country,
        region,
        companyTokenDigest,
        autoAcceptSelfAssociation: false,
        createdBy: by,
      },
    },
    {
      type: 'EmployeeJoined',
      data: {
        enterpriseId,
        locationId,
        userId: by,
        ...profileOf(employee),
        accessRole: 'prc',
        tci: NO_TCI,
        via: 'location_created',
      },
    },
  ];
}

function updateLocationProfile(
  command: EnterpriseCommandOf<'UpdateLocationProfile'>,
  state: EnterpriseState,
): EnterpriseEvent[] {
  const location = managedLocation(command, state, command.locationId);
  const changes = diff(location, command.profile, ['name', 'address', 'city', 'postalCode', 'partnerTier']);
  if (changes.length === 0) return [];
  const distributors = [...state.employees.values()].filter(
    (e) => e.locationId === location.locationId && DISTRIBUTOR_ROLES.includes(e.accessRole),
  );
  if (distributors.length > 0 && !allowsDistributors({ ...location, ...command.profile })) {
    throw enterpriseError(
      'DISTRIBUTOR_ROLE_NOT_ALLOWED',
      `Location ${location.locationId} has distributor contacts; only tier-2 locations in North America may. Change their roles first.`,
    );
  }
  return [
    {
      type: 'LocationProfileUpdated',
      data: {
        enterpriseId: state.enterpriseId,
        locationId: location.locationId,
        profile: command.profile,
        changes,
        updatedBy: command.actor.userId,
      },
    },
  ];
}

function requestSelfAssociation(
  command: EnterpriseCommandOf<'RequestSelfAssociation'>,
  state: EnterpriseState,
): EnterpriseEvent[] {
  const location = state.exists ? state.locations.get(command.locationId) : undefined;
  if (!location || !sameDigest(location.companyTokenDigest, command.companyTokenDigest)) {
    throw invalidCompanyToken();
  }
  const userId = command.actor.userId;
  if (state.associations.has(command.associationId))
    throw new DomainError('CONCURRENCY_CONFLICT', 'Association id already in use; retry.');
  if (state.employees.has(employeeKey(location.locationId, userId)))
    throw enterpriseError('ALREADY_MEMBER', 'You are already an employee of this location.');
  if (
    state.associations.some(
      (a) => a.userId === userId && a.locationId === location.locationId && a.status === 'pending',
    )
  ) {
    throw enterpriseError('REQUEST_PENDING', 'You already asked to join this location; an administrator will decide.');
  }
  const base = {
    enterpriseId: state.enterpriseId,
    locationId: location.locationId,
    userId,
    ...profileOf(command.employee),
  };
  const requested: EnterpriseEvent = {
    type: 'EmployeeSelfAssociationRequested',
    data: {
      ...base,
      associationId: command.associationId,
      ...(command.actor.verifiedEmail ? { verifiedEmail: command.actor.verifiedEmail } : {}),
    },
  };
  if (!location.autoAcceptSelfAssociation) return [requested];
  return [
    requested,
    {
      type: 'EmployeeJoined',
      data: {
        ...base,
        accessRole: DEFAULT_ACCESS_ROLE,
        tci: NO_TCI,
        via: 'self_association',
        associationId: command.associationId,
      },
    },
  ];
}

function decideSelfAssociation(
  command: EnterpriseCommandOf<'ApproveSelfAssociation' | 'DenySelfAssociation'>,
  state: EnterpriseState,
): EnterpriseEvent[] {
  const association = state.associations.get(command.associationId);
  if (!association || (command.locationId !== undefined && association.locationId !== command.locationId)) {
    throw notFound(`There is no self-association ${command.associationId} here.`);
  }
  managedLocation(command, state, association.locationId);
  if (association.userId === command.actor.userId) throw forbidden('You may not decide your own self-association.');
  if (association.status !== 'pending')
    throw enterpriseError(
      'REQUEST_NOT_PENDING',
      `Self-association ${command.associationId} was already ${association.status}.`,
    );
  const { associationId, locationId, userId } = association;
  const by = command.actor.userId;
  const enterpriseId = state.enterpriseId;
  if (command.type === 'DenySelfAssociation') {
    return [
      {
        type: 'EmployeeSelfAssociationDenied',
        data: {
          enterpriseId,
          locationId,
          associationId,
          userId,
          decidedBy: by,
          ...(command.reason ? { reason: command.reason } : {}),
        },
      },
    ];
  }
  if (state.employees.has(employeeKey(locationId, userId)))
    throw enterpriseError('ALREADY_MEMBER', `${userId} is already an employee of this location.`);
  return [
    {
      type: 'EmployeeSelfAssociationApproved',
      data: { enterpriseId, locationId, associationId, userId, decidedBy: by },
    },
    {
      type: 'EmployeeJoined',
      data: {
        enterpriseId,
        locationId,
        userId,
        ...profileOf(association),
        accessRole: DEFAULT_ACCESS_ROLE,
        tci: NO_TCI,
        via: 'self_association',
        associationId,
      },
    },
  ];
}

function changeSelfAssociationPolicy(
  command: EnterpriseCommandOf<'ChangeSelfAssociationPolicy'>,
  state: EnterpriseState,
): EnterpriseEvent[] {
  const location = managedLocation(command, state, command.locationId);
  if (location.autoAcceptSelfAssociation === command.autoAcceptSelfAssociation) return [];
  return [
    {
      type: 'SelfAssociationPolicyChanged',
      data: {
        enterpriseId: state.enterpriseId,
        locationId: location.locationId,
        autoAcceptSelfAssociation: command.autoAcceptSelfAssociation,
        changedBy: command.actor.userId,
      },
    },
  ];
}

function rotateCompanyToken(
  command: EnterpriseCommandOf<'RotateCompanyToken'>,
  state: EnterpriseState,
): EnterpriseEvent[] {
  const location = managedLocation(command, state, command.locationId);
  if (sameDigest(location.companyTokenDigest, command.companyTokenDigest)) return [];
  return [
    {
      type: 'CompanyTokenRotated',
      data: {
        enterpriseId: state.enterpriseId,
        locationId: location.locationId,
        companyTokenDigest: command.companyTokenDigest,
        rotatedBy: command.actor.userId,
      },
    },
  ];
}

function changeAccessRole(command: EnterpriseCommandOf<'ChangeAccessRole'>, state: EnterpriseState): EnterpriseEvent[] {
  const location = managedLocation(command, state, command.locationId);
  const employee = existingEmployee(state, command.locationId, command.userId);
  if (employee.accessRole === command.accessRole) return [];
  if (command.accessRole === 'prc' || employee.accessRole === 'prc') {
    throw enterpriseError(
      'PRC_REQUIRES_TRANSFER',
      'The PRC changes only by assigning the primary relationship contact to another employee.',
    );
  }
  // Managing a location lets an APA step down; anyone else changing their own role would be granting it to themselves.
  if (command.userId === command.actor.userId && employee.accessRole !== 'apa')
    throw forbidden('You may not change your own access role.');
  if (DISTRIBUTOR_ROLES.includes(command.accessRole) && !allowsDistributors(location)) {
    throw enterpriseError(
      'DISTRIBUTOR_ROLE_NOT_ALLOWED',
      'Distributor roles are only for tier-2 locations in North America.',
    );
  }
  return [
    {
      type: 'AccessRoleChanged',
      data: {
        enterpriseId: state.enterpriseId,
        locationId: command.locationId,
        userId: command.userId,
        from: employee.accessRole,
        to: command.accessRole,
        changedBy: command.actor.userId,
      },
    },
  ];
}

function assignPrc(
  command: EnterpriseCommandOf<'AssignPrimaryRelationshipContact'>,
  state: EnterpriseState,
): EnterpriseEvent[] {
  const location = command.actor.operator
    ? existingLocation(state, command.locationId)
    : managedLocation(command, state, command.locationId);
  const employee = existingEmployee(state, command.locationId, command.userId);
  if (employee.accessRole === 'prc') return [];
  if (employee.userId === command.actor.userId)
    throw forbidden('Nobody appoints themselves PRC; a PRC in scope or an operator assigns the role.');
  // An APA may fill a missing PRC, but only a PRC in scope may hand over an existing PRC role:
  // otherwise any APA could promote themselves over the PRC (and into country-wide scope at an HQ).
  if (location.prcUserId !== null && !prcAuthority(command, state, location.locationId)) {
    throw forbidden('Only a PRC in scope may transfer the PRC role while the location has one.');
  }
  return [
    {
      type: 'PrimaryRelationshipContactAssigned',
      data: {
        enterpriseId: state.enterpriseId,
        locationId: location.locationId,
        userId: employee.userId,
        previousRole: employee.accessRole,
        formerPrcUserId: location.prcUserId,
        assignedBy: command.actor.userId,
      },
    },
  ];
}

function changeTciRoles(command: EnterpriseCommandOf<'ChangeTciRoles'>, state: EnterpriseState): EnterpriseEvent[] {
  managedLocation(command, state, command.locationId);
  const employee = existingEmployee(state, command.locationId, command.userId);
  const to = { businessContact: command.businessContact, secondaryBusinessContact: command.secondaryBusinessContact };
  if (
    to.businessContact === employee.tci.businessContact &&
    to.secondaryBusinessContact === employee.tci.secondaryBusinessContact
  )
    return [];
  return [
    {
      type: 'TciRolesChanged',
      data: {
        enterpriseId: state.enterpriseId,
        locationId: command.locationId,
        userId: command.userId,
        from: employee.tci,
        to,
        changedBy: command.actor.userId,
      },
    },
  ];
}

function updateEmployeeProfile(
  command: EnterpriseCommandOf<'UpdateEmployeeProfile'>,
  state: EnterpriseState,
): EnterpriseEvent[] {
  selfOrManager(command, state, command.locationId, command.userId);
  const employee = existingEmployee(state, command.locationId, command.userId);
  const profile = profileOf(command.profile);
  const changes = diff(employee, profile, ['firstName', 'lastName', 'email', 'telephone']);
  if (changes.length === 0) return [];
  return [
    {
      type: 'EmployeeProfileUpdated',
      data: {
        enterpriseId: state.enterpriseId,
        locationId: command.locationId,
        userId: command.userId,
        profile,
        changes,
        updatedBy: command.actor.userId,
      },
    },
  ];
}

function removeEmployee(command: EnterpriseCommandOf<'RemoveEmployee'>, state: EnterpriseState): EnterpriseEvent[] {
  const leaving = command.actor.userId === command.userId;
  existingLocation(state, command.locationId);
  const removesPrc =
    !leaving && state.employees.get(employeeKey(command.locationId, command.userId))?.accessRole === 'prc';
  // Removing the PRC and then filling the gap would let an APA take the role over: only the PRC
  // themself (leaving), a PRC in scope or an operator removes a PRC.
  if (removesPrc && !prcAuthority(command, state, command.locationId)) {
    throw forbidden('Only a PRC in scope (or an operator) may remove the PRC of a location.');
  }
  if (!removesPrc) selfOrManager(command, state, command.locationId, command.userId);
  const employee = existingEmployee(state, command.locationId, command.userId);
  const { locationId, userId, accessRole } = employee;
  return [
    {
      type: 'EmployeeLeft',
      data: {
        enterpriseId: state.enterpriseId,
        locationId,
        userId,
        ...profileOf(employee),
        accessRole,
        removedBy: command.actor.userId,
      },
    },
  ];
}

/**
 * A PRC/APA in scope adds a person directly (no self-association), `personal_update` unless another
 * role is given. Nobody adds themselves, the PRC role only changes hands by assignment, and a
 * person who asked to join is decided through their request.
 */
function addEmployee(command: EnterpriseCommandOf<'AddEmployee'>, state: EnterpriseState): EnterpriseEvent[] {
  const location = managedLocation(command, state, command.locationId);
  if (command.userId === command.actor.userId) throw forbidden('You may not add yourself to a location.');
  if (command.accessRole === 'prc')
    throw enterpriseError(
      'PRC_REQUIRES_TRANSFER',
      'Add the person with another role, then assign them the primary relationship contact.',
    );
  if (state.employees.has(employeeKey(location.locationId, command.userId)))
    throw enterpriseError('ALREADY_MEMBER', `${command.userId} is already an employee of this location.`);
  if (
    state.associations.some(
      (a) => a.userId === command.userId && a.locationId === location.locationId && a.status === 'pending',
    )
  )
    throw enterpriseError(
      'REQUEST_PENDING',
      `${command.userId} asked to join this location; approve or deny that request instead.`,
    );
  if (DISTRIBUTOR_ROLES.includes(command.accessRole) && !allowsDistributors(location))
    throw enterpriseError(
      'DISTRIBUTOR_ROLE_NOT_ALLOWED',
      'Distributor roles are only for tier-2 locations in North America.',
    );
  return [
    {
      type: 'EmployeeJoined',
      data: {
        enterpriseId: state.enterpriseId,
        locationId: location.locationId,
        userId: command.userId,
        ...profileOf(command.employee),
        accessRole: command.accessRole,
        tci: NO_TCI,
        via: 'added',
      },
    },
  ];
}

/** The worldwide name: the PRC of the worldwide HQ only. */
function renameEnterprise(command: EnterpriseCommandOf<'RenameEnterprise'>, state: EnterpriseState): EnterpriseEvent[] {
  requireWorldwidePrc(command, state);
  if (state.name === command.name) return [];
  return [
    {
      type: 'EnterpriseRenamed',
      data: {
        enterpriseId: state.enterpriseId,
        worldwideHeadquartersLocationId: state.worldwideHeadquartersLocationId,
        from: state.name,
        to: command.name,
        renamedBy: command.actor.userId,
      },
    },
  ];
}

function renameCountryEnterprise(
  command: EnterpriseCommandOf<'RenameCountryEnterprise'>,
  state: EnterpriseState,
): EnterpriseEvent[] {
  const country = countryHeadquartersAuthority(command, state, command.countryEnterpriseId);
  if (country.name === command.name) return [];
  return [
    {
      type: 'CountryEnterpriseRenamed',
      data: {
        enterpriseId: state.enterpriseId,
        countryEnterpriseId: country.countryEnterpriseId,
        headquartersLocationId: country.headquartersLocationId,
        from: country.name,
        to: command.name,
        renamedBy: command.actor.userId,
      },
    },
  ];
}

/**
 * Moves a country enterprise's HQ to another of its locations: the PRC of the current country HQ or
 * of the worldwide HQ. Their own scope never grows (they already manage the whole country); the
 * PRC of the new HQ gains the country, which is the decision of whoever held that authority.
 */
function moveCountryHeadquarters(
  command: EnterpriseCommandOf<'MoveCountryHeadquarters'>,
  state: EnterpriseState,
): EnterpriseEvent[] {
  const country = countryHeadquartersAuthority(command, state, command.countryEnterpriseId);
  const target = existingLocation(state, command.locationId);
  if (target.countryEnterpriseId !== country.countryEnterpriseId)
    throw new DomainError('VALIDATION_FAILED', `Location ${target.locationId} is not in this country enterprise.`, [
      { field: 'locationId', message: 'must be a location of the country enterprise' },
    ]);
  if (country.headquartersLocationId === target.locationId) return [];
  return [
    {
      type: 'CountryHeadquartersMoved',
      data: {
        enterpriseId: state.enterpriseId,
        countryEnterpriseId: country.countryEnterpriseId,
        from: country.headquartersLocationId,
        to: target.locationId,
        movedBy: command.actor.userId,
      },
    },
  ];
}

/** Moves the worldwide HQ to another location: the PRC of the current worldwide HQ only. */
function moveWorldwideHeadquarters(
  command: EnterpriseCommandOf<'MoveWorldwideHeadquarters'>,
  state: EnterpriseState,
): EnterpriseEvent[] {
  requireWorldwidePrc(command, state);
  const target = existingLocation(state, command.locationId);
  if (state.worldwideHeadquartersLocationId === target.locationId) return [];
  return [
    {
      type: 'WorldwideHeadquartersMoved',
      data: {
        enterpriseId: state.enterpriseId,
        from: state.worldwideHeadquartersLocationId,
        to: target.locationId,
        movedBy: command.actor.userId,
      },
    },
  ];
}

function requireWorldwidePrc(command: EnterpriseCommand, state: EnterpriseState): void {
  if (!mayEditEnterprise(command.actor, employmentsOf(state, command.actor.userId), scopeOf(state)))
    throw forbidden('Only the PRC of the worldwide headquarters may do this.');
}

/** The country enterprise, if the actor is the PRC of its HQ or of the worldwide HQ. */
function countryHeadquartersAuthority(command: EnterpriseCommand, state: EnterpriseState, countryEnterpriseId: string) {
  const country = state.countries.get(countryEnterpriseId);
  if (!country) throw notFound(`Country enterprise ${countryEnterpriseId} does not exist in this enterprise.`);
  if (
    !mayEditCountryEnterprise(
      command.actor,
      employmentsOf(state, command.actor.userId),
      scopeOf(state),
      countryEnterpriseId,
    )
  )
    throw forbidden('Only the PRC of the country headquarters or of the worldwide headquarters may do this.');
  return country;
}

/** Distributor roles exist only at tier-2 locations in North America. */
export function allowsDistributors(location: { partnerTier: number; region: string }): boolean {
  return location.partnerTier === 2 && location.region === 'north_america';
}

/** A PRC whose scope covers the location, or a platform operator (the recovery path). */
function prcAuthority(command: EnterpriseCommand, state: EnterpriseState, locationId: string): boolean {
  return (
    command.actor.operator === true ||
    isPrcInScope(employmentsOf(state, command.actor.userId), scopeOf(state), locationId)
  );
}

function existingLocation(state: EnterpriseState, locationId: string): Location {
  const location = state.locations.get(locationId);
  if (!location) throw notFound(`Location ${locationId} does not exist in this enterprise.`);
  return location;
}

function managedLocation(command: EnterpriseCommand, state: EnterpriseState, locationId: string): Location {
  const location = state.locations.get(locationId);
  if (!location) throw notFound(`Location ${locationId} does not exist in this enterprise.`);
  if (!mayManageLocation(command.actor, employmentsOf(state, command.actor.userId), scopeOf(state), locationId)) {
    throw forbidden('Only the PRC or an APA in scope may do this at this location.');
  }
  return location;
}

function selfOrManager(command: EnterpriseCommand, state: EnterpriseState, locationId: string, userId: string): void {
  if (!state.locations.has(locationId)) throw notFound(`Location ${locationId} does not exist in this enterprise.`);
  if (command.actor.userId === userId) return;
  managedLocation(command, state, locationId);
}

function existingEmployee(state: EnterpriseState, locationId: string, userId: string) {
  const employee = state.employees.get(employeeKey(locationId, userId));
  if (!employee) throw enterpriseError('NOT_AN_EMPLOYEE', `${userId} is not an employee of location ${locationId}.`);
  return employee;
}

export function scopeOf(state: EnterpriseState) {
  return {
    worldwideHeadquartersLocationId: state.worldwideHeadquartersLocationId,
    countryOf: (locationId: string) => state.locations.get(locationId)?.countryEnterpriseId,
    headquartersOf: (countryEnterpriseId: string) => state.countries.get(countryEnterpriseId)?.headquartersLocationId,
  };
}

function profileOf(p: EmployeeProfile): EmployeeProfile {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    ...(p.telephone ? { telephone: p.telephone } : {}),
  };
}

function diff<T extends object>(before: T, after: Partial<T>, fields: (keyof T & string)[]): Change[] {
  return fields
    .filter((f) => (before[f] ?? null) !== (after[f] ?? null))
    .map((f) => ({ field: f, from: before[f] ?? null, to: after[f] ?? null }));
}

export type { AccessRole, LocationProfile };
