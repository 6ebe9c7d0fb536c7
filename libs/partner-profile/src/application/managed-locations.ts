import type { DocumentStore } from '#read-store';
import { locationsManagedIn } from '../domain/enterprise.scope.js';
import {
  type EmployeeDocument,
  type EnterpriseDocument,
  PARTNER_COLLECTIONS as C,
} from '../projections/read-models.js';

/** Every location this person manages as PRC or APA in scope, across all enterprises. */
export async function locationsManagedBy(store: DocumentStore, userId: string): Promise<string[]> {
  const employments = await store
    .collection<EmployeeDocument>(C.employees)
    .find({ userId, accessRole: { $in: ['prc', 'apa'] } });
  const managed: string[] = [];
  for (const enterpriseId of new Set(employments.map((e) => e.enterpriseId))) {
    const enterprise = await store.collection<EnterpriseDocument>(C.enterprises).findOne({ _id: enterpriseId });
    if (enterprise)
      managed.push(
        ...locationsManagedIn(
          enterprise,
          employments.filter((e) => e.enterpriseId === enterpriseId),
        ),
      );
  }
  return managed;
}
