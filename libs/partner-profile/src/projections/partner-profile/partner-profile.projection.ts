import type { RecordedEvent } from '#core';
import { type DocumentStore, type Projection, UnitOfWork } from '#read-store';
import { type EnterpriseEvent, enterpriseEvents } from '../../domain/enterprise.events.js';
import { locationWarnings } from '../../domain/enterprise.health.js';
import {
  type CompanyTokenDocument,
  type EmployeeDocument,
  type EnterpriseDocument,
  type LocationView,
  PARTNER_COLLECTIONS as C,
  type SelfAssociationDocument,
  partnerEmployeeKey,
} from '../read-models.js';

type Recorded = RecordedEvent & EnterpriseEvent;

/**
 * The enterprise hierarchy (with each location's PRC and warnings), employees and self-associations.
 * Idempotent: every document carries the position of the last event applied to it, and an event at
 * or before that position is skipped.
 */
export class PartnerProfileProjection implements Projection {
  readonly name = 'partner-profile';
  /** 2: company-token directory, self-associations by person, enterprise edits, who rotated a token. */
  readonly version = 2;
  readonly collections = [C.enterprises, C.employees, C.associations, C.companyTokens];

  async setup(store: DocumentStore): Promise<void> {
    await store.collection(C.employees).createIndex({ enterpriseId: 1, userId: 1 });
    await store.collection(C.employees).createIndex({ locationId: 1 });
    await store.collection(C.employees).createIndex({ userId: 1 });
    await store.collection(C.associations).createIndex({ locationId: 1, status: 1 });
    await store.collection(C.associations).createIndex({ userId: 1, requestedAt: -1 });
    await store.collection(C.companyTokens).createIndex({ companyTokenDigest: 1 }, { unique: true });
  }

  async project(events: readonly RecordedEvent[], store: DocumentStore): Promise<void> {
    const work = new UnitOfWork(store);
    for (const event of events) {
      const enterpriseEvent = enterpriseEvents.readRecorded(event);
      if (enterpriseEvent) await this.apply(enterpriseEvent, work);
    }
    await work.flush();
  }

  private async apply(event: Recorded, work: UnitOfWork): Promise<void> {
    const { occurredAt, confirmationNumber } = event.metadata;
    const position = event.position;
    const fresh = async <T extends { position: string }>(collection: string, _id: string) => {
      const current = await work.get<T & Record<string, unknown>>(collection, _id);
      return current && current.position >= position ? 'stale' : current;
    };
    /** Applies `change` to the enterprise document unless it already reflects this event. */
    const hierarchy = async (enterpriseId: string, change: (doc: EnterpriseDocument) => void) => {
      const current = await fresh<EnterpriseDocument>(C.enterprises, enterpriseId);
      if (!current || current === 'stale') return;
      // The unit of work owns `current` (a copy read for this batch), so it is changed in place.
      change(current);
      work.put(C.enterprises, { ...current, position });
    };
    const location = (doc: EnterpriseDocument, locationId: string): LocationView | undefined =>
      doc.countryEnterprises.flatMap((c) => c.locations).find((l) => l.locationId === locationId);
    const setPrc = (doc: EnterpriseDocument, locationId: string, prcUserId: string | null) => {
      const view = location(doc, locationId);
      if (!view) return;
      view.prcUserId = prcUserId;
      view.warnings = locationWarnings(prcUserId);
    };
    const employee = async (locationId: string, userId: string, change: Partial<EmployeeDocument>) => {
      const current = await fresh<EmployeeDocument>(C.employees, partnerEmployeeKey(locationId, userId));
      if (!current || current === 'stale') return;
      const next: EmployeeDocument = { ...current, ...change, position };
      if (next.telephone === undefined) delete next.telephone;
      work.put(C.employees, next);
    };
    const association = async (associationId: string, change: Partial<SelfAssociationDocument>) => {
      const current = await fresh<SelfAssociationDocument>(C.associations, associationId);
      if (current && current !== 'stale') work.put(C.associations, { ...current, ...change, position });
    };

    /** The location's current token digest in the directory. */
    const companyToken = async (enterpriseId: string, locationId: string, companyTokenDigest: string) => {
      if ((await fresh<CompanyTokenDocument>(C.companyTokens, locationId)) === 'stale') return;
      work.put(C.companyTokens, { _id: locationId, enterpriseId, locationId, companyTokenDigest, position });
    };

    switch (event.type) {
      case 'EnterpriseRegistered': {
        const { enterpriseId, name, worldwideHeadquartersLocationId, registeredBy } = event.data;
        if ((await work.get(C.enterprises, enterpriseId)) !== undefined) return;
        const doc: EnterpriseDocument = {
          _id: enterpriseId,
          enterpriseId,
          name,
          worldwideHeadquartersLocationId,
          countryEnterprises: [],
          registeredAt: occurredAt,
          registeredBy,
          position,
        };
        work.put(C.enterprises, doc);
        return;
      }
      case 'CountryEnterpriseAdded': {
        const { enterpriseId, countryEnterpriseId, country, name, headquartersLocationId } = event.data;
        return hierarchy(enterpriseId, (doc) => {
          doc.countryEnterprises.push({ countryEnterpriseId, country, name, headquartersLocationId, locations: [] });
        });
      }
      case 'LocationCreated': {
        const {
          enterpriseId,
          countryEnterpriseId,
          locationId,
          name,
          address,
          city,
          postalCode,
          country,
          region,
          partnerTier,
          autoAcceptSelfAssociation,
          companyTokenDigest,
        } = event.data;
        await companyToken(enterpriseId, locationId, companyTokenDigest);
        return hierarchy(enterpriseId, (doc) => {
          const countryEnterprise = doc.countryEnterprises.find((c) => c.countryEnterpriseId === countryEnterpriseId);
          countryEnterprise?.locations.push({
            locationId,
            name,
            address,
            city,
            postalCode,
            country,
            region,
            partnerTier,
            autoAcceptSelfAssociation,
            prcUserId: null,
            warnings: locationWarnings(null),
          });
        });
      }
      case 'LocationProfileUpdated':
        return hierarchy(event.data.enterpriseId, (doc) =>
          Object.assign(location(doc, event.data.locationId) ?? {}, event.data.profile),
        );
      case 'SelfAssociationPolicyChanged':
        return hierarchy(event.data.enterpriseId, (doc) =>
          Object.assign(location(doc, event.data.locationId) ?? {}, {
            autoAcceptSelfAssociation: event.data.autoAcceptSelfAssociation,
          }),
        );
      case 'CompanyTokenRotated':
        await companyToken(event.data.enterpriseId, event.data.locationId, event.data.companyTokenDigest);
        return hierarchy(event.data.enterpriseId, (doc) =>
          Object.assign(location(doc, event.data.locationId) ?? {}, {
            companyTokenRotatedAt: occurredAt,
            companyTokenRotatedBy: event.data.rotatedBy,
          }),
        );
      case 'EnterpriseRenamed':
        return hierarchy(event.data.enterpriseId, (doc) => {
          doc.name = event.data.to;
        });
      case 'CountryEnterpriseRenamed':
        return hierarchy(event.data.enterpriseId, (doc) =>
          Object.assign(
            doc.countryEnterprises.find((c) => c.countryEnterpriseId === event.data.countryEnterpriseId) ?? {},
            {
              name: event.data.to,
            },
          ),
        );
      case 'CountryHeadquartersMoved':
        return hierarchy(event.data.enterpriseId, (doc) =>
          Object.assign(
            doc.countryEnterprises.find((c) => c.countryEnterpriseId === event.data.countryEnterpriseId) ?? {},
            {
              headquartersLocationId: event.data.to,
            },
          ),
        );
      case 'WorldwideHeadquartersMoved':
        return hierarchy(event.data.enterpriseId, (doc) => {
          doc.worldwideHeadquartersLocationId = event.data.to;
        });
      case 'EmployeeJoined': {
        const {
          enterpriseId,
          locationId,
          userId,
          firstName,
          lastName,
          email,
          telephone,
          accessRole,
          tci,
          associationId,
        } = event.data;
        const _id = partnerEmployeeKey(locationId, userId);
        if ((await fresh<EmployeeDocument>(C.employees, _id)) !== 'stale') {
          work.put(C.employees, {
            _id,
            enterpriseId,
            locationId,
            userId,
            firstName,
            lastName,
            email,
            ...(telephone ? { telephone } : {}),
            accessRole,
            tci,
            joinedAt: occurredAt,
            confirmationNumber,
            position,
          });
        }
        if (associationId) await association(associationId, { status: 'accepted' });
        if (accessRole === 'prc') await hierarchy(enterpriseId, (doc) => setPrc(doc, locationId, userId));
        return;
      }
      case 'EmployeeSelfAssociationRequested': {
        // The verified address is the outbox's business, not the approvers' list.
        const { associationId, verifiedEmail: _verified, ...rest } = event.data;
        if ((await work.get(C.associations, associationId)) !== undefined) return;
        work.put(C.associations, {
          ...rest,
          _id: associationId,
          associationId,
          status: 'pending',
          requestedAt: occurredAt,
          confirmationNumber,
          position,
        });
        return;
      }
      case 'EmployeeSelfAssociationApproved':
        return association(event.data.associationId, {
          status: 'accepted',
          decidedBy: event.data.decidedBy,
          decidedAt: occurredAt,
        });
      case 'EmployeeSelfAssociationDenied':
        return association(event.data.associationId, {
          status: 'denied',
          decidedBy: event.data.decidedBy,
          decidedAt: occurredAt,
          ...(event.data.reason ? { reason: event.data.reason } : {}),
        });
      case 'AccessRoleChanged':
        return employee(event.data.locationId, event.data.userId, { accessRole: event.data.to });
      case 'PrimaryRelationshipContactAssigned': {
        const { enterpriseId, locationId, userId, formerPrcUserId } = event.data;
        if (formerPrcUserId) await employee(locationId, formerPrcUserId, { accessRole: 'apa' });
        await employee(locationId, userId, { accessRole: 'prc' });
        return hierarchy(enterpriseId, (doc) => setPrc(doc, locationId, userId));
      }
      case 'EmployeeLeft': {
        const { enterpriseId, locationId, userId, accessRole } = event.data;
        const _id = partnerEmployeeKey(locationId, userId);
        if ((await fresh<EmployeeDocument>(C.employees, _id)) !== 'stale') work.delete(C.employees, _id);
        if (accessRole === 'prc') await hierarchy(enterpriseId, (doc) => setPrc(doc, locationId, null));
        return;
      }
      case 'TciRolesChanged':
        return employee(event.data.locationId, event.data.userId, { tci: event.data.to });
      case 'EmployeeProfileUpdated': {
        const { firstName, lastName, email, telephone } = event.data.profile;
        return employee(event.data.locationId, event.data.userId, { firstName, lastName, email, telephone });
      }
    }
  }
}
