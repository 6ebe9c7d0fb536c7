import { type RecordedEvent, looksLikeEmail } from '#core';
import type { ProjectionPart, UnitOfWork } from '#read-store';
import type { AccessRole } from '../../domain/access-roles.js';
import { prcCommunicationRecipients } from '../../domain/enterprise.health.js';
import { type EnterpriseEvent, enterpriseEvents } from '../../domain/enterprise.events.js';
import { type Email, partnerEmails } from './partner-emails.js';

/** The part's own collections: what it must remember to address its e-mails. */
export const PARTNER_OUTBOX_COLLECTIONS = {
  locations: 'partner_outbox_locations',
  associations: 'partner_outbox_associations',
} as const;
const C = PARTNER_OUTBOX_COLLECTIONS;

interface StaffMember {
  userId: string;
  email: string;
  accessRole: AccessRole;
}

/** One location as the outbox needs it: its name, self-association policy and who works there with which role. */
type OutboxLocation = {
  _id: string;
  enterpriseId: string;
  name: string;
  autoAcceptSelfAssociation: boolean;
  staff: StaffMember[];
  position: string;
};

/** A self-association's requester and their verified address (never the one typed into the request). */
type OutboxAssociation = { _id: string; userId: string; to: string | null; position: string };

/** What the outbox holds for each e-mail (the shape the site-access mailer sends and /v1/me/notifications lists). */
type PartnerNotification = {
  _id: string;
  notificationId: string;
  userId: string;
  to: string | null;
  subject: string;
  body: string;
  enterpriseId: string;
  locationId: string;
  confirmationNumber: string;
  createdAt: string;
  status: 'queued' | 'no_verified_address';
};

type Recorded = RecordedEvent & EnterpriseEvent;

/**
 * Partner-profile e-mails in the notification outbox, each once (keyed by the event and recipient):
 * a pending self-association to the location's PRC and APAs (at their sign-in address); the decision to the requester (at the
 * address their token vouched for); a welcome to a person added directly; the new PRC on assignment;
 * and the PRC's communications (PRC gone, token rotated) to the PRC, or to the APAs while it is missing.
 * It reads only the events and its own collections.
 */
export class PartnerNotificationsPart implements ProjectionPart {
  readonly name = 'partner-notifications';
  // 2: staff mail goes to the sign-in address, never the (typable by others) profile e-mail.
  readonly version = 2;
  readonly collections = [C.locations, C.associations];

  async apply(event: RecordedEvent, work: UnitOfWork, outbox: string): Promise<void> {
    const partnerEvent = enterpriseEvents.readRecorded(event);
    if (partnerEvent) await this.applyPartner(partnerEvent, work, outbox);
  }

  private async applyPartner(event: Recorded, work: UnitOfWork, outbox: string): Promise<void> {
    const { confirmationNumber, occurredAt, actorId } = event.metadata;
    const position = event.position;
    /**
     * The location as this part keeps it, unless it already reflects this event: every event of a
     * location moves its position (saved even when nothing else changes), so a replayed event finds
     * it newer and neither changes it nor queues its e-mails again.
     */
    const current = async (locationId: string) => {
      const found = await work.get<OutboxLocation>(C.locations, locationId);
      return found && found.position < position ? found : undefined;
    };
    const save = (location: OutboxLocation) => work.put(C.locations, { ...location, position });
    const withStaff = (location: OutboxLocation, staff: StaffMember[]) => ({ ...location, staff });
    /** Queues `email` for one recipient unless this event already queued it. */
    const send = async (
      location: OutboxLocation,
      recipient: { userId: string; to: string | null },
      email: Email,
    ): Promise<void> => {
      const _id = `${event.id}:${recipient.userId}`;
      if ((await work.get(outbox, _id)) !== undefined) return;
      const notification: PartnerNotification = {
        _id,
        notificationId: _id,
        userId: recipient.userId,
        to: recipient.to,
        ...email,
        enterpriseId: location.enterpriseId,
        locationId: location._id,
        confirmationNumber,
        createdAt: occurredAt,
        status: recipient.to ? 'queued' : 'no_verified_address',
      };
      work.put(outbox, notification);
    };
    /**
     * A person's own sign-in address: never their profile e-mail, which a PRC/APA may have typed (on
     * adding them, or by editing their profile) to have that person's mail sent elsewhere.
     */
    const toIdentity = (userId: string) => ({ userId, to: looksLikeEmail(userId) ? userId : null });
    const toStaff = (m: { userId: string }) => toIdentity(m.userId);

    switch (event.type) {
      case 'LocationCreated': {
        const { locationId, enterpriseId, name, autoAcceptSelfAssociation } = event.data;
        if ((await work.get(C.locations, locationId)) !== undefined) return;
        save({ _id: locationId, enterpriseId, name, autoAcceptSelfAssociation, staff: [], position });
        return;
      }
      case 'LocationProfileUpdated': {
        const location = await current(event.data.locationId);
        if (location) save({ ...location, name: event.data.profile.name });
        return;
      }
      case 'SelfAssociationPolicyChanged': {
        const location = await current(event.data.locationId);
        if (location) save({ ...location, autoAcceptSelfAssociation: event.data.autoAcceptSelfAssociation });
        return;
      }
      case 'EmployeeJoined': {
        const { locationId, userId, email, accessRole, via } = event.data;
        const location = await current(locationId);
        if (!location) return;
        save(
          withStaff(location, [...location.staff.filter((m) => m.userId !== userId), { userId, email, accessRole }]),
        );
        if (via === 'added')
          await send(
            location,
            toIdentity(userId),
            partnerEmails.welcome(location.name, actorId, accessRole, confirmationNumber),
          );
        return;
      }
      case 'EmployeeSelfAssociationRequested': {
        const { associationId, locationId, userId, verifiedEmail } = event.data;
        const location = await current(locationId);
        if (!location) return;
        save(location);
        work.put(C.associations, { _id: associationId, userId, to: verifiedEmail ?? null, position });
        // A location that auto-accepts lets the requester in with the same command: nothing awaits approval.
        if (location.autoAcceptSelfAssociation) return;
        for (const admin of location.staff.filter((m) => m.accessRole === 'prc' || m.accessRole === 'apa'))
          await send(location, toStaff(admin), partnerEmails.awaitsApproval(userId, location.name, confirmationNumber));
        return;
      }
      case 'EmployeeSelfAssociationApproved':
      case 'EmployeeSelfAssociationDenied': {
        const location = await current(event.data.locationId);
        if (!location) return;
        save(location);
        const association = await work.get<OutboxAssociation>(C.associations, event.data.associationId);
        if (!association) return;
        const email =
          event.type === 'EmployeeSelfAssociationApproved'
            ? partnerEmails.approved(location.name, event.data.decidedBy, confirmationNumber)
            : partnerEmails.denied(location.name, event.data.decidedBy, event.data.reason, confirmationNumber);
        await send(location, { userId: association.userId, to: association.to }, email);
        return;
      }
      case 'AccessRoleChanged': {
        const location = await current(event.data.locationId);
        if (location)
          save(
            withStaff(
              location,
              location.staff.map((m) => (m.userId === event.data.userId ? { ...m, accessRole: event.data.to } : m)),
            ),
          );
        return;
      }
      case 'EmployeeProfileUpdated': {
        const location = await current(event.data.locationId);
        if (location)
          save(
            withStaff(
              location,
              location.staff.map((m) =>
                m.userId === event.data.userId ? { ...m, email: event.data.profile.email } : m,
              ),
            ),
          );
        return;
      }
      case 'PrimaryRelationshipContactAssigned': {
        const { locationId, userId, formerPrcUserId, assignedBy } = event.data;
        const location = await current(locationId);
        if (!location) return;
        const staff = location.staff.map((m): StaffMember =>
          m.userId === userId
            ? { ...m, accessRole: 'prc' }
            : m.userId === formerPrcUserId
              ? { ...m, accessRole: 'apa' }
              : m,
        );
        save(withStaff(location, staff));
        const prc = staff.find((m) => m.userId === userId);
        if (prc)
          await send(location, toStaff(prc), partnerEmails.newPrc(location.name, assignedBy, confirmationNumber));
        return;
      }
      case 'EmployeeLeft': {
        const { locationId, userId, accessRole } = event.data;
        const location = await current(locationId);
        if (!location) return;
        const staff = location.staff.filter((m) => m.userId !== userId);
        save(withStaff(location, staff));
        if (accessRole !== 'prc') return;
        for (const recipient of prcCommunicationRecipients(staff))
          await send(location, toStaff(recipient), partnerEmails.prcMissing(location.name, userId, confirmationNumber));
        return;
      }
      case 'CompanyTokenRotated': {
        const location = await current(event.data.locationId);
        if (!location) return;
        save(location);
        for (const recipient of prcCommunicationRecipients(location.staff))
          await send(
            location,
            toStaff(recipient),
            partnerEmails.tokenRotated(location.name, event.data.rotatedBy, confirmationNumber),
          );
        return;
      }
    }
  }
}

/** The partner-profile part of the notification outbox (wired in libs/composition). */
export function partnerNotificationsPart(): ProjectionPart {
  return new PartnerNotificationsPart();
}
