import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import { DOCUMENT_STORE, type DocumentStore } from '#read-store';
import { EnterpriseReadAccess } from './enterprise-read-access.js';

/** What every enterprise query handler reads with: the read models, the event stream (asOf), read authorisation. */
@Injectable()
export class EnterpriseReads {
  constructor(
    @Inject(DOCUMENT_STORE) readonly store: DocumentStore,
    @Inject(EVENT_STORE) readonly events: EventStore,
    @Inject(EnterpriseReadAccess) readonly access: EnterpriseReadAccess,
  ) {}
}
