import type { RecordedEvent } from '#core';
import { type DocumentStore, type Projection, UnitOfWork } from '#read-store';
import { fullPrivileges, normalizePrivileges } from '../../domain/privileges.js';
import { type SiteEvent, siteEvents } from '../../domain/site.events.js';
import {
  type AccessRequestDocument,
  SITE_COLLECTIONS as C,
  type ContactDocument,
  type MemberDocument,
  type MemberFields,
  contactKey,
  memberKey,
} from '../read-models.js';
import { recomputeSiteSummary } from './site-summary.js';

type Recorded = RecordedEvent & SiteEvent;
type Positioned = { position: string };

/**
 * Members, access requests and contacts of every site, then each touched site's summary,
 * recomputed from those. Idempotent: documents hold absolute values and the position of the last
 * event applied to them; an event at or before that position is skipped.
 */
export class SiteAccessProjection implements Projection {
  readonly name = 'site-access';
  /**
   * 2: members carry their telephone and latest change; requests what they asked for and what was granted.
   * 3: contacts carry reviewedAt/reviewedBy (ContactReviewed).
   */
  readonly version = 3;
  readonly collections = [C.summaries, C.members, C.requests, C.contacts];

  async setup(store: DocumentStore): Promise<void> {
    await store.collection(C.members).createIndex({ siteId: 1, userId: 1 }, { unique: true });
    await store.collection(C.members).createIndex({ userId: 1 });
    // Read while projecting (recomputeSiteSummary): built at once even when loading in bulk.
    await store.collection(C.members).createIndex({ siteId: 1, role: 1 }, { immediate: true });
    await store.collection(C.requests).createIndex({ siteId: 1, status: 1 }, { immediate: true });
    await store.collection(C.requests).createIndex({ userId: 1 });
    await store.collection(C.contacts).createIndex({ siteId: 1 }, { immediate: true });
  }

  async project(events: readonly RecordedEvent[], store: DocumentStore): Promise<void> {
    const work = new UnitOfWork(store);
    const touched = new Set<string>();
    // Read (and upcast) once per event: the prefetch and the fold share it.
    const siteEventsOfBatch = events
      .map((event) => siteEvents.readRecorded(event))
      .filter((e): e is Recorded => e !== undefined);
    await prefetch(siteEventsOfBatch, work);
    for (const siteEvent of siteEventsOfBatch) {
      await this.apply(siteEvent, work);
      touched.add(siteEvent.data.siteId);
    }
    await work.flush();
    for (const siteId of touched) await recomputeSiteSummary(store, siteId);
  }

  private async apply(event: Recorded, work: UnitOfWork): Promise<void> {
    const { occurredAt, confirmationNumber, actorId } = event.metadata;
    const lastChange = {
      lastChangedAt: occurredAt,
      lastChangedBy: actorId,
      lastConfirmationNumber: confirmationNumber,
    };
    const position = event.position;
    /** The document if this event is news to it; 'stale' when it already reflects this event or a later one. */
    const fresh = async <T extends Positioned>(collection: string, _id: string) => {
      const current = await work.get<T & Record<string, unknown>>(collection, _id);
      return current && current.position >= position ? 'stale' : current;
    };
    const putMember = async (member: MemberFields) => {
      const _id = memberKey(member.siteId, member.userId);
      if ((await fresh<MemberDocument>(C.members, _id)) === 'stale') return;
      work.put(C.members, { ...member, _id, grantedAt: occurredAt, confirmationNumber, ...lastChange, position });
    };
    const changeMember = async (siteId: string, userId: string, change: Partial<MemberDocument>) => {
      const current = await fresh<MemberDocument>(C.members, memberKey(siteId, userId));
      if (current && current !== 'stale') work.put(C.members, { ...current, ...change, ...lastChange, position });
    };
    const siteName = async (siteId: string) =>
      ((await work.get(C.summaries, siteId))?.name as string | undefined) ?? '';
    const decide = async (requestId: string, decision: Partial<AccessRequestDocument>) => {
      const current = await fresh<AccessRequestDocument>(C.requests, requestId);
      if (!current || current === 'stale') return;
      work.put(C.requests, {
        ...current,
        ...decision,
        decidedAt: occurredAt,
        decisionConfirmationNumber: confirmationNumber,
        position,
      });
    };

    switch (event.type) {
      case 'SiteRegistered': {
        const { siteId, name, primary, privileges, contact, registeredBy } = event.data;
        const summary = await fresh<Positioned>(C.summaries, siteId);
        if (summary === 'stale') return;
        work.put(C.summaries, {
          ...summary,
          _id: siteId,
          siteId,
          name,
          registeredAt: occurredAt,
          registeredBy,
          position,
        });
        await putMember({ ...primary, siteId, siteName: name, role: 'primary', privileges, grantedBy: registeredBy });
        const _id = contactKey(siteId, contact.contactId);
        if ((await fresh<ContactDocument>(C.contacts, _id)) !== 'stale') {
          work.put(C.contacts, {
            ...contact,
            _id,
            siteId,
            updatedBy: registeredBy,
            updatedAt: occurredAt,
            confirmationNumber,
            position,
          });
        }
        return;
      }
      case 'UserAdded': {
        const { addedBy, ...member } = event.data;
        return putMember({ ...member, siteName: await siteName(member.siteId), grantedBy: addedBy });
      }
      case 'UserNominated': {
        const data = event.data;
        if ((await work.get(C.requests, data.requestId)) !== undefined) return;
        const request: AccessRequestDocument = {
          ...data,
          _id: data.requestId,
          siteName: await siteName(data.siteId),
          requestedRole: data.requestedRole ?? 'user',
          requestedPrivileges: data.requestedPrivileges ?? normalizePrivileges({}),
          originalJustification: data.businessJustification,
          justificationEdits: [],
          status: 'pending',
          requestedAt: occurredAt,
          confirmationNumber,
          position,
        };
        work.put(C.requests, request);
        return;
      }
      case 'NominationJustificationEdited': {
        const { requestId, from, to, editedBy } = event.data;
        const current = await fresh<AccessRequestDocument>(C.requests, requestId);
        if (!current || current === 'stale') return;
        const edit = { from, to, editedBy, editedAt: occurredAt, confirmationNumber };
        work.put(C.requests, {
          ...current,
          businessJustification: to,
          justificationEdits: [...current.justificationEdits, edit],
          position,
        });
        return;
      }
      case 'AccessGranted': {
        const {
          siteId,
          requestId,
          userId,
          firstName,
          lastName,
          email,
          role,
          privileges,
          grantedBy,
          businessJustification,
        } = event.data;
        await decide(requestId, {
          status: 'granted',
          businessJustification,
          decidedBy: grantedBy,
          grantedRole: role,
          grantedPrivileges: privileges,
        });
        return putMember({
          siteId,
          siteName: await siteName(siteId),
          userId,
          firstName,
          lastName,
          email,
          ...(event.data.telephone !== undefined ? { telephone: event.data.telephone } : {}),
          role,
          privileges,
          grantedBy,
        });
      }
      case 'AccessDenied': {
        const { requestId, reason, deniedBy, businessJustification } = event.data;
        return decide(requestId, { status: 'denied', reason, businessJustification, decidedBy: deniedBy });
      }
      case 'RoleChanged':
        return changeMember(event.data.siteId, event.data.userId, { role: event.data.to });
      case 'PrivilegesChanged':
        return changeMember(event.data.siteId, event.data.userId, { privileges: event.data.to });
      case 'UserRemoved': {
        const _id = memberKey(event.data.siteId, event.data.userId);
        if ((await fresh<MemberDocument>(C.members, _id)) !== 'stale') work.delete(C.members, _id);
        return;
      }
      case 'PrimaryContactTransferred': {
        const { siteId, from, to, formerPrimaryRole, formerPrimaryPrivileges } = event.data;
        await changeMember(siteId, from.userId, { role: formerPrimaryRole, privileges: formerPrimaryPrivileges });
        return changeMember(siteId, to.userId, { role: 'primary', privileges: fullPrivileges() });
      }
      case 'ContactUpdated': {
        const { siteId, contactId, contact, updatedBy } = event.data;
        const _id = contactKey(siteId, contactId);
        const before = await fresh<ContactDocument>(C.contacts, _id);
        if (before === 'stale') return;
        work.put(C.contacts, {
          ...(before?.reviewedAt ? { reviewedAt: before.reviewedAt, reviewedBy: before.reviewedBy } : {}),
          ...contact,
          contactTypes: [...contact.contactTypes],
          _id,
          siteId,
          updatedBy,
          updatedAt: occurredAt,
          confirmationNumber,
          position,
        });
        return;
      }
      case 'ContactRemoved': {
        const _id = contactKey(event.data.siteId, event.data.contactId);
        if ((await fresh<ContactDocument>(C.contacts, _id)) !== 'stale') work.delete(C.contacts, _id);
        return;
      }
      case 'MemberDetailsChanged': {
        const { siteId, userId, to } = event.data;
        const current = await fresh<MemberDocument>(C.members, memberKey(siteId, userId));
        if (!current || current === 'stale') return;
        const { telephone: _previous, ...member } = current;
        work.put(C.members, { ...member, ...to, ...lastChange, position });
        return;
      }
      case 'ContactReviewed': {
        const { siteId, contactId, reviewedAt, reviewedBy } = event.data;
        const current = await fresh<ContactDocument>(C.contacts, contactKey(siteId, contactId));
        if (current && current !== 'stale') work.put(C.contacts, { ...current, reviewedAt, reviewedBy, position });
        return;
      }
    }
  }
}

/** Reads, in one query per collection, the documents this batch's events will look at. */
async function prefetch(events: readonly Recorded[], work: UnitOfWork): Promise<void> {
  const ids = {
    [C.summaries]: [] as string[],
    [C.members]: [] as string[],
    [C.requests]: [] as string[],
    [C.contacts]: [] as string[],
  };
  for (const e of events) {
    switch (e.type) {
      case 'SiteRegistered':
        ids[C.summaries].push(e.data.siteId);
        ids[C.members].push(memberKey(e.data.siteId, e.data.primary.userId));
        ids[C.contacts].push(contactKey(e.data.siteId, e.data.contact.contactId));
        break;
      case 'UserAdded':
        ids[C.summaries].push(e.data.siteId);
        ids[C.members].push(memberKey(e.data.siteId, e.data.userId));
        break;
      case 'UserNominated':
        ids[C.summaries].push(e.data.siteId);
        ids[C.requests].push(e.data.requestId);
        break;
      case 'AccessGranted':
        ids[C.summaries].push(e.data.siteId);
        ids[C.requests].push(e.data.requestId);
        ids[C.members].push(memberKey(e.data.siteId, e.data.userId));
        break;
      case 'NominationJustificationEdited':
      case 'AccessDenied':
        ids[C.requests].push(e.data.requestId);
        break;
      case 'RoleChanged':
      case 'PrivilegesChanged':
      case 'UserRemoved':
      case 'MemberDetailsChanged':
        ids[C.members].push(memberKey(e.data.siteId, e.data.userId));
        break;
      case 'PrimaryContactTransferred':
        ids[C.members].push(memberKey(e.data.siteId, e.data.from.userId), memberKey(e.data.siteId, e.data.to.userId));
        break;
      case 'ContactUpdated':
      case 'ContactRemoved':
      case 'ContactReviewed':
        ids[C.contacts].push(contactKey(e.data.siteId, e.data.contactId));
        break;
    }
  }
  for (const [collection, list] of Object.entries(ids)) if (list.length > 0) await work.prefetch(collection, list);
}
