import type { DocumentStore } from '../../../read-store/src/index.js';
import { type Employment, managesLocation } from '../domain/enterprise.scope.js';
import { type EmployeeDocument, type EnterpriseDocument, PARTNER_COLLECTIONS as C } from '../projections/read-models.js';

/** Every location this person manages as PRC or APA in scope, across all enterprises. */
export async function locationsManagedBy(store: DocumentStore, userId: string): Promise<string[]> {
  const employments = await store.collection<EmployeeDocument>(C.employees).find({ userId, accessRole: { $in: ['prc', 'apa'] } });
  const enterpriseIds = [...new Set(employments.map((e) => e.enterpriseId))];
  const managed: string[] = [];
  for (const enterpriseId of enterpriseIds) {
    const enterprise = await store.collection<EnterpriseDocument>(C.enterprises).findOne({ _id: enterpriseId });
    if (!enterprise) continue;
    const locations = enterprise.countryEnterprises.flatMap((c) => c.locations.map((l) => ({ locationId: l.locationId, countryEnterpriseId: c.countryEnterpriseId })));
    const scope = {
      worldwideHeadquartersLocationId: enterprise.worldwideHeadquartersLocationId,
      countryOf: (id: string) => locations.find((l) => l.locationId === id)?.countryEnterpriseId,
      headquartersOf: (id: string) => enterprise.countryEnterprises.find((c) => c.countryEnterpriseId === id)?.headquartersLocationId,
    };
    const mine = employments.filter((e) => e.enterpriseId === enterpriseId) as Employment[];
    managed.push(...locations.filter((l) => managesLocation(mine, scope, l.locationId)).map((l) => l.locationId));
  }
  return managed;
}
