import type { AccessRole } from './access-roles.js';
import {
  type Employment,
  type Hierarchy,
  type ScopeMap,
  locationsManagedIn,
  managesLocation,
  scopeOfHierarchy,
} from './enterprise.scope.js';

// One worldwide enterprise with two country enterprises:
//   ce-us: HQ us-hq (also the worldwide HQ), plus us-east and us-west
//   ce-de: HQ de-hq, plus de-berlin
const COUNTRY_OF: Record<string, string> = {
  'us-hq': 'ce-us',
  'us-east': 'ce-us',
  'us-west': 'ce-us',
  'de-hq': 'ce-de',
  'de-berlin': 'ce-de',
};
const HQ_OF: Record<string, string> = { 'ce-us': 'us-hq', 'ce-de': 'de-hq' };
const SCOPE: ScopeMap = {
  worldwideHeadquartersLocationId: 'us-hq',
  countryOf: (locationId) => COUNTRY_OF[locationId],
  headquartersOf: (countryEnterpriseId) => HQ_OF[countryEnterpriseId],
};

const at = (locationId: string, accessRole: AccessRole): Employment => ({ locationId, accessRole });

describe('managesLocation', () => {
  describe('at the location itself', () => {
    it.each<[AccessRole, boolean]>([
      ['prc', true],
      ['apa', true],
      ['distributor', false],
      ['distributor_pi', false],
      ['personal_update', false],
      ['view_only', false],
    ])('%s manages it: %s', (role, expected) => {
      expect(managesLocation([at('us-east', role)], SCOPE, 'us-east')).toBe(expected);
    });
  });

  it.each<[string, Employment[], string, boolean]>([
    // non-HQ location admins stay within their location
    ['PRC of a non-HQ location, sibling of the same country', [at('us-east', 'prc')], 'us-west', false],
    ['APA of a non-HQ location, sibling of the same country', [at('us-east', 'apa')], 'us-west', false],
    ['PRC of a non-HQ location, its country HQ', [at('de-berlin', 'prc')], 'de-hq', false],
    // country HQ: only the PRC gets country-wide scope
    ['PRC at a country HQ, a location of that country', [at('de-hq', 'prc')], 'de-berlin', true],
    ['PRC at a country HQ, the HQ itself', [at('de-hq', 'prc')], 'de-hq', true],
    ['PRC at a country HQ, a location of another country', [at('de-hq', 'prc')], 'us-east', false],
    ['PRC at a country HQ, the worldwide HQ', [at('de-hq', 'prc')], 'us-hq', false],
    ['APA at a country HQ, a location of that country', [at('de-hq', 'apa')], 'de-berlin', false],
    ['APA at a country HQ, the HQ itself', [at('de-hq', 'apa')], 'de-hq', true],
    // worldwide HQ: the PRC manages every country enterprise
    ['PRC at the worldwide HQ, a location of its own country', [at('us-hq', 'prc')], 'us-west', true],
    ['PRC at the worldwide HQ, another country HQ', [at('us-hq', 'prc')], 'de-hq', true],
    ['PRC at the worldwide HQ, a location of another country', [at('us-hq', 'prc')], 'de-berlin', true],
    ['APA at the worldwide HQ, a location of another country', [at('us-hq', 'apa')], 'de-berlin', false],
    ['APA at the worldwide HQ, a sibling location of its own country', [at('us-hq', 'apa')], 'us-east', false],
    ['view_only at the worldwide HQ, a sibling location', [at('us-hq', 'view_only')], 'us-east', false],
    // several employments: any one that grants scope is enough, roles do not combine across locations
    [
      'APA at us-east and personal_update at de-berlin, de-berlin',
      [at('us-east', 'apa'), at('de-berlin', 'personal_update')],
      'de-berlin',
      false,
    ],
    [
      'personal_update at us-east and PRC at de-hq, de-berlin',
      [at('us-east', 'personal_update'), at('de-hq', 'prc')],
      'de-berlin',
      true,
    ],
    ['APA at de-hq and APA at de-berlin, de-berlin', [at('de-hq', 'apa'), at('de-berlin', 'apa')], 'de-berlin', true],
    // nothing
    ['no employment at all', [], 'us-hq', false],
    ['PRC at the worldwide HQ, a location that is not in the enterprise', [at('us-hq', 'prc')], 'elsewhere', false],
    ['PRC of an unknown location, that location', [at('elsewhere', 'prc')], 'elsewhere', false],
  ])('%s → %s', (_case, employments, locationId, expected) => {
    expect(managesLocation(employments, SCOPE, locationId)).toBe(expected);
  });

  it('a country enterprise without a known HQ still lets the worldwide PRC and the location admins in', () => {
    const scope: ScopeMap = { ...SCOPE, headquartersOf: () => undefined };
    expect(managesLocation([at('us-hq', 'prc')], scope, 'de-berlin')).toBe(true);
    expect(managesLocation([at('de-berlin', 'apa')], scope, 'de-berlin')).toBe(true);
    expect(managesLocation([at('de-hq', 'prc')], scope, 'de-berlin')).toBe(false);
  });
});

describe('scopeOfHierarchy and locationsManagedIn', () => {
  const hierarchy: Hierarchy = {
    worldwideHeadquartersLocationId: 'us-hq',
    countryEnterprises: [
      {
        countryEnterpriseId: 'ce-us',
        headquartersLocationId: 'us-hq',
        locations: [{ locationId: 'us-hq' }, { locationId: 'us-east' }, { locationId: 'us-west' }],
      },
      {
        countryEnterpriseId: 'ce-de',
        headquartersLocationId: 'de-hq',
        locations: [{ locationId: 'de-hq' }, { locationId: 'de-berlin' }],
      },
    ],
  };

  it('reads the same scope out of a hierarchy as the map above', () => {
    const scope = scopeOfHierarchy(hierarchy);
    expect(scope.worldwideHeadquartersLocationId).toBe('us-hq');
    for (const locationId of Object.keys(COUNTRY_OF)) expect(scope.countryOf(locationId)).toBe(COUNTRY_OF[locationId]);
    expect(scope.countryOf('elsewhere')).toBeUndefined();
    expect(scope.headquartersOf('ce-de')).toBe('de-hq');
    expect(scope.headquartersOf('ce-fr')).toBeUndefined();
  });

  it('lists every location the employments manage, in hierarchy order', () => {
    expect(locationsManagedIn(hierarchy, [at('us-hq', 'prc')])).toEqual([
      'us-hq',
      'us-east',
      'us-west',
      'de-hq',
      'de-berlin',
    ]);
    expect(locationsManagedIn(hierarchy, [at('de-hq', 'prc'), at('us-east', 'apa')])).toEqual([
      'us-east',
      'de-hq',
      'de-berlin',
    ]);
    expect(locationsManagedIn(hierarchy, [at('us-west', 'view_only')])).toEqual([]);
  });
});
