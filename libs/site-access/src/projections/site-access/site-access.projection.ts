import type { RecordedEvent } from '../../../../core/src/index.js';
import type { DocumentStore } from '../../../../read-store/src/index.js';
import type { Projection } from '../../../../read-store/src/index.js';
import type { SiteEvent } from '../../domain/site.events.js';
import { SITE_EVENT_TYPES } from '../../domain/site.events.js';
import { fullPrivileges } from '../../domain/privileges.js';
import { SITE_COLLECTIONS as C, type MemberDocument, type MemberFields, contactKey, memberKey } from '../read-models.js';
import { recomputeSiteSummary } from './site-summary.js';

type Recorded<E extends SiteEvent['type']> = RecordedEvent & Extract<SiteEvent, { type: E }>;

/**
 * Members, access requests and contacts of every site, then each touched site's summary,
 * recomputed from those. Idempotent: documents hold absolute values and carry the position of the
 * last event applied to them; an event at or before that position is skipped.
 */
export class SiteAccessProjection implements Projection {
  readonly name = 'site-access';
  readonly collections = [C.summaries, C.members, C.requests, C.contacts];

  async setup(store: DocumentStore): Promise<void> {
    await store.collection(C.members).createIndex({ siteId: 1, userId: 1 }, { unique: true });
    await store.collection(C.members).createIndex({ userId: 1 });
    await store.collection(C.requests).createIndex({ siteId: 1, status: 1 });
    await store.collection(C.requests).createIndex({ userId: 1 });
    await store.collection(C.contacts).createIndex({ siteId: 1 });
  }

  async project(events: readonly RecordedEvent[], store: DocumentStore): Promise<void> {
    const touched = new Set<string>();
    for (const event of events) {
      if (!(SITE_EVENT_TYPES as readonly string[]).includes(event.type)) continue;
      const siteId = (event.data as { siteId: string }).siteId;
      await this.apply(event as RecordedEvent & SiteEvent, store);
      touched.add(siteId);
    }
    for (const siteId of touched) await recomputeSiteSummary(store, siteId);
  }

  private async apply(event: RecordedEvent & SiteEvent, store: DocumentStore): Promise<void> {
    const members = store.collection<MemberDocument>(C.members);
    const requests = store.collection(C.requests);
    const contacts = store.collection(C.contacts);
    const at = { position: event.position };
    const newer = (id: string) => ({ _id: id, position: { $not: { $gte: event.position } } });
    const meta = event.metadata;
    const siteName = async (siteId: string) =>
      ((await store.collection(C.summaries).findOne({ _id: siteId }))?.name as string | undefined) ?? '';

    switch (event.type) {
      case 'SiteRegistered': {
        const { siteId, name, primary, privileges, contact, registeredBy } = (event as Recorded<'SiteRegistered'>).data;
        await store.collection(C.summaries).updateOne(
          { _id: siteId },
          { $set: { siteId, name, registeredAt: meta.occurredAt, registeredBy } },
          { upsert: true },
        );
        await this.putMember(store, event, { ...primary, siteId, siteName: name, role: 'primary', privileges, grantedBy: registeredBy });
        await contacts.updateOne(
          { _id: contactKey(siteId, contact.contactId) },
          { $set: { ...contact, siteId, updatedBy: registeredBy, updatedAt: meta.occurredAt, confirmationNumber: meta.confirmationNumber, ...at } },
          { upsert: true },
        );
        return;
      }
      case 'UserAdded': {
        const { addedBy, ...data } = (event as Recorded<'UserAdded'>).data;
        return this.putMember(store, event, { ...data, siteName: await siteName(data.siteId), grantedBy: addedBy });
      }
      case 'AccessGranted': {
        const { siteId, requestId, userId, firstName, lastName, email, role, privileges, grantedBy, businessJustification } = (
          event as Recorded<'AccessGranted'>
        ).data;
        await this.decide(store, event, requestId, { status: 'granted', businessJustification, decidedBy: grantedBy });
        return this.putMember(store, event, { siteId, siteName: await siteName(siteId), userId, firstName, lastName, email, role, privileges, grantedBy });
      }
      case 'AccessDenied': {
        const { requestId, reason, deniedBy, businessJustification } = (event as Recorded<'AccessDenied'>).data;
        return this.decide(store, event, requestId, { status: 'denied', reason, businessJustification, decidedBy: deniedBy });
      }
      case 'UserNominated': {
        const data = (event as Recorded<'UserNominated'>).data;
        await requests.updateOne(
          { _id: data.requestId },
          {
            $setOnInsert: {
              ...data,
              siteName: await siteName(data.siteId),
              originalJustification: data.businessJustification,
              justificationEdits: [],
              status: 'pending',
              requestedAt: meta.occurredAt,
              confirmationNumber: meta.confirmationNumber,
              ...at,
            },
          },
          { upsert: true },
        );
        return;
      }
      case 'NominationJustificationEdited': {
        const { requestId, from, to, editedBy } = (event as Recorded<'NominationJustificationEdited'>).data;
        const edit = { from, to, editedBy, editedAt: meta.occurredAt, confirmationNumber: meta.confirmationNumber };
        await requests.updateOne(newer(requestId), { $set: { businessJustification: to, ...at }, $push: { justificationEdits: edit } });
        return;
      }
      case 'RoleChanged': {
        const { siteId, userId, to } = (event as Recorded<'RoleChanged'>).data;
        await members.updateOne(newer(memberKey(siteId, userId)), { $set: { role: to, ...at } });
        return;
      }
      case 'PrivilegesChanged': {
        const { siteId, userId, to } = (event as Recorded<'PrivilegesChanged'>).data;
        await members.updateOne(newer(memberKey(siteId, userId)), { $set: { privileges: to, ...at } });
        return;
      }
      case 'UserRemoved': {
        const { siteId, userId } = (event as Recorded<'UserRemoved'>).data;
        await members.deleteOne({ _id: memberKey(siteId, userId) });
        return;
      }
      case 'PrimaryContactTransferred': {
        const { siteId, from, to, formerPrimaryRole, formerPrimaryPrivileges } = (event as Recorded<'PrimaryContactTransferred'>).data;
        await members.updateOne(newer(memberKey(siteId, from.userId)), {
          $set: { role: formerPrimaryRole, privileges: formerPrimaryPrivileges, ...at },
        });
        await members.updateOne(newer(memberKey(siteId, to.userId)), { $set: { role: 'primary', privileges: fullPrivileges(), ...at } });
        return;
      }
      case 'ContactUpdated': {
        const { siteId, contactId, contact, updatedBy } = (event as Recorded<'ContactUpdated'>).data;
        const document = { ...contact, _id: contactKey(siteId, contactId), siteId, updatedBy, updatedAt: meta.occurredAt, confirmationNumber: meta.confirmationNumber, ...at };
        const current = await contacts.findOne({ _id: document._id });
        if (current && (current.position as string) >= event.position) return;
        await contacts.replaceOne({ _id: document._id }, document, { upsert: true });
        return;
      }
      case 'ContactRemoved': {
        const { siteId, contactId } = (event as Recorded<'ContactRemoved'>).data;
        await contacts.deleteOne({ _id: contactKey(siteId, contactId) });
        return;
      }
    }
  }

  private async putMember(
    store: DocumentStore,
    event: RecordedEvent,
    member: MemberFields,
  ): Promise<void> {
    const _id = memberKey(member.siteId, member.userId);
    const members = store.collection<MemberDocument>(C.members);
    const current = await members.findOne({ _id });
    if (current && current.position >= event.position) return;
    const document: MemberDocument = {
      ...member,
      _id,
      grantedAt: event.metadata.occurredAt,
      confirmationNumber: event.metadata.confirmationNumber,
      position: event.position,
    };
    await members.replaceOne({ _id }, document, { upsert: true });
  }

  private async decide(store: DocumentStore, event: RecordedEvent, requestId: string, decision: Record<string, unknown>): Promise<void> {
    await store.collection(C.requests).updateOne(
      { _id: requestId, position: { $not: { $gte: event.position } } },
      {
        $set: {
          ...decision,
          decidedAt: event.metadata.occurredAt,
          decisionConfirmationNumber: event.metadata.confirmationNumber,
          position: event.position,
        },
      },
    );
  }
}
