import { PersistentMap as ImmutableMap, type SnapshotCodec } from '#core';
import type { CountryEnterprise, Employee, EnterpriseState, Location, SelfAssociation } from './enterprise.state.js';

/** The JSON form of an EnterpriseState: each persistent map as its [key, value] entries, in iteration order. */
interface EnterpriseSnapshotJson {
  readonly exists: boolean;
  readonly enterpriseId: string;
  readonly name: string;
  readonly worldwideHeadquartersLocationId: string;
  readonly countries: [string, CountryEnterprise][];
  readonly locations: [string, Location][];
  readonly employees: [string, Employee][];
  readonly associations: [string, SelfAssociation][];
}

/** Enterprise state to and from a snapshot. Bump `version` whenever EnterpriseState's shape or meaning changes. */
export const enterpriseSnapshot: SnapshotCodec<EnterpriseState> = {
  version: 1,
  toJson: (state): EnterpriseSnapshotJson => ({
    exists: state.exists,
    enterpriseId: state.enterpriseId,
    name: state.name,
    worldwideHeadquartersLocationId: state.worldwideHeadquartersLocationId,
    countries: [...state.countries.entries()],
    locations: [...state.locations.entries()],
    employees: [...state.employees.entries()],
    associations: [...state.associations.entries()],
  }),
  fromJson: (json) => {
    const s = json as EnterpriseSnapshotJson;
    if (typeof s !== 'object' || s === null || typeof s.exists !== 'boolean' || !Array.isArray(s.employees)) {
      throw new Error('not an enterprise snapshot');
    }
    return {
      exists: s.exists,
      enterpriseId: s.enterpriseId,
      name: s.name,
      worldwideHeadquartersLocationId: s.worldwideHeadquartersLocationId,
      countries: ImmutableMap(s.countries),
      locations: ImmutableMap(s.locations),
      employees: ImmutableMap(s.employees),
      associations: ImmutableMap(s.associations),
    };
  },
};
