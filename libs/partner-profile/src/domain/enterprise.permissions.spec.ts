import type { AccessRole } from './access-roles.js';
import {
  callerCountryEnterprisePermissions,
  callerEnterprisePermissions,
  callerLocationPermissions,
  mayManageLocation,
} from './enterprise.permissions.js';
import type { Employment, ScopeMap } from './enterprise.scope.js';

// ce-us: HQ us-hq (also the worldwide HQ) and us-east; ce-de: HQ de-hq and de-berlin.
const COUNTRY_OF: Record<string, string> = {
  'us-hq': 'ce-us',
  'us-east': 'ce-us',
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
const viewer = (roles: { operator?: boolean; auditor?: boolean } = {}) => ({
  userId: 'ana@example.com',
  operator: roles.operator ?? false,
  auditor: roles.auditor ?? false,
});

describe('enterprise permissions', () => {
  it('lets PRC/APA in scope manage a location, never operators or auditors', () => {
    expect(mayManageLocation(viewer(), [at('us-east', 'apa')], SCOPE, 'us-east')).toBe(true);
    expect(mayManageLocation(viewer(), [at('us-hq', 'prc')], SCOPE, 'de-berlin')).toBe(true);
    expect(mayManageLocation(viewer(), [at('us-hq', 'apa')], SCOPE, 'us-east')).toBe(false);
    expect(mayManageLocation(viewer({ operator: true }), [], SCOPE, 'us-east')).toBe(false);
    expect(mayManageLocation(viewer({ auditor: true }), [at('us-east', 'prc')], SCOPE, 'us-east')).toBe(false);
  });

  it('advertises employee lists and compliance summaries as the visibility rules answer them', () => {
    expect(callerLocationPermissions(viewer(), [at('us-east', 'distributor')], SCOPE, 'us-east')).toEqual({
      manage: false,
      viewEmployees: true,
      viewCompliance: true,
    });
    expect(callerLocationPermissions(viewer(), [at('us-east', 'personal_update')], SCOPE, 'us-east')).toEqual({
      manage: false,
      viewEmployees: true,
      viewCompliance: false,
    });
    expect(callerLocationPermissions(viewer({ operator: true }), [], SCOPE, 'us-east')).toEqual({
      manage: false,
      viewEmployees: false,
      viewCompliance: true,
    });
    expect(callerLocationPermissions(viewer({ auditor: true }), [], SCOPE, 'us-east')).toEqual({
      manage: false,
      viewEmployees: true,
      viewCompliance: true,
    });
  });

  it('lets only the worldwide HQ PRC edit the enterprise, and the country or worldwide HQ PRC a country', () => {
    const worldwide = [at('us-hq', 'prc')];
    const german = [at('de-hq', 'prc')];
    expect(callerEnterprisePermissions(viewer(), worldwide, SCOPE)).toEqual({ rename: true, moveHeadquarters: true });
    expect(callerEnterprisePermissions(viewer(), german, SCOPE)).toEqual({ rename: false, moveHeadquarters: false });
    expect(callerEnterprisePermissions(viewer(), [at('us-hq', 'apa')], SCOPE).rename).toBe(false);
    expect(callerCountryEnterprisePermissions(viewer(), worldwide, SCOPE, 'ce-de').rename).toBe(true);
    expect(callerCountryEnterprisePermissions(viewer(), german, SCOPE, 'ce-de').moveHeadquarters).toBe(true);
    expect(callerCountryEnterprisePermissions(viewer(), german, SCOPE, 'ce-us').rename).toBe(false);
    expect(callerCountryEnterprisePermissions(viewer(), [at('de-berlin', 'prc')], SCOPE, 'ce-de').rename).toBe(false);
    expect(callerEnterprisePermissions(viewer({ auditor: true }), worldwide, SCOPE).rename).toBe(false);
    expect(callerEnterprisePermissions(viewer({ operator: true }), [], SCOPE).rename).toBe(false);
  });
});
