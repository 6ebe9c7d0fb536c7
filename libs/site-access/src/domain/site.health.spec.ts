import { CONTACT_TYPES } from './contact.js';
import { siteWarnings } from './site.health.js';

describe('siteWarnings', () => {
  const everyType = [{ contactTypes: [...CONTACT_TYPES] }];

  it('warns about a missing secondary contact', () => {
    expect(siteWarnings([{ role: 'primary' }, { role: 'user' }], everyType)).toEqual(['NO_SECONDARY_CONTACT']);
  });

  it('warns about each contact type no contact covers, in the order of the contact types', () => {
    const members = [{ role: 'primary' as const }, { role: 'secondary' as const }];
    expect(
      siteWarnings(members, [{ contactTypes: ['billing'] }, { contactTypes: ['administrative', 'billing'] }]),
    ).toEqual(['MISSING_CONTACT_TYPE:renewal', 'MISSING_CONTACT_TYPE:media_shipping']);
    expect(siteWarnings(members, [])).toEqual(CONTACT_TYPES.map((t) => `MISSING_CONTACT_TYPE:${t}`));
  });

  it('has nothing to say about a site with a secondary and every contact type', () => {
    expect(
      siteWarnings(
        [{ role: 'secondary' }],
        [{ contactTypes: ['administrative', 'renewal'] }, { contactTypes: ['media_shipping', 'billing'] }],
      ),
    ).toEqual([]);
  });

  it('puts the secondary warning before the contact types', () => {
    expect(
      siteWarnings([{ role: 'primary' }], [{ contactTypes: ['administrative', 'renewal', 'media_shipping'] }]),
    ).toEqual(['NO_SECONDARY_CONTACT', 'MISSING_CONTACT_TYPE:billing']);
  });
});
