import type { DocumentStore } from '#read-store';
import { siteWarnings } from '../../domain/site.health.js';
import { SITE_COLLECTIONS as C, type ContactDocument, type MemberDocument } from '../read-models.js';

/**
 * A site's summary is derived from its members, requests and contacts read models, so it is
 * always consistent with them however often an event is replayed.
 */
export async function recomputeSiteSummary(store: DocumentStore, siteId: string): Promise<void> {
  const summaries = store.collection(C.summaries);
  if (!(await summaries.findOne({ _id: siteId }))) return;
  const members = await store
    .collection<MemberDocument>(C.members)
    .find({ siteId }, { sort: { lastName: 1, firstName: 1, userId: 1 } });
  const contacts = await store.collection<ContactDocument>(C.contacts).find({ siteId });
  const pendingRequestCount = await store.collection(C.requests).countDocuments({ siteId, status: 'pending' });
  const pick = ({ userId, firstName, lastName, email }: MemberDocument) => ({ userId, firstName, lastName, email });
  const primary = members.find((m) => m.role === 'primary');
  const secondaries = members.filter((m) => m.role === 'secondary');
  await summaries.updateOne(
    { _id: siteId },
    {
      $set: {
        primaryContact: primary ? pick(primary) : null,
        secondaryContacts: secondaries.map((m) => ({ ...pick(m), privileges: m.privileges })),
        userCount: members.length,
        pendingRequestCount,
        contactCount: contacts.length,
        warnings: siteWarnings(members, contacts),
      },
    },
  );
}
