import type { DocumentStore } from '#read-store';
import { siteWarnings } from '../../domain/site.health.js';
import { SITE_COLLECTIONS as C, type ContactDocument, type MemberDocument } from '../read-models.js';

/**
 * A site's summary is derived from its members, requests and contacts read models, so it is
 * always consistent with them however often an event is replayed. It reads only the primary and
 * secondaries (through the siteId+role index) and counts the rest: a site of 100k members costs
 * a count, not 100k parsed documents, on every command.
 */
export async function recomputeSiteSummary(store: DocumentStore, siteId: string): Promise<void> {
  const summaries = store.collection(C.summaries);
  if (!(await summaries.findOne({ _id: siteId }))) return;
  const memberDocuments = store.collection<MemberDocument>(C.members);
  const administrators = await memberDocuments.find(
    { siteId, role: { $in: ['primary', 'secondary'] } },
    { sort: { lastName: 1, firstName: 1, userId: 1 } },
  );
  const userCount = await memberDocuments.countDocuments({ siteId });
  const contacts = await store.collection<ContactDocument>(C.contacts).find({ siteId });
  const pendingRequestCount = await store.collection(C.requests).countDocuments({ siteId, status: 'pending' });
  const pick = ({ userId, firstName, lastName, email }: MemberDocument) => ({ userId, firstName, lastName, email });
  const primary = administrators.find((m) => m.role === 'primary');
  const secondaries = administrators.filter((m) => m.role === 'secondary');
  await summaries.updateOne(
    { _id: siteId },
    {
      $set: {
        primaryContact: primary ? pick(primary) : null,
        secondaryContacts: secondaries.map((m) => ({ ...pick(m), privileges: m.privileges })),
        userCount,
        pendingRequestCount,
        contactCount: contacts.length,
        // Only the roles matter to the warnings, and plain users never raise or clear one.
        warnings: siteWarnings(administrators, contacts),
      },
    },
  );
}
