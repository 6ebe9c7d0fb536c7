import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import { DOCUMENT_STORE, type DocumentStore } from '#read-store';
import { SiteReadAccess } from './site-read-access.js';

/** What every site query handler reads with: the read models, the event stream (asOf, history), read authorisation. */
@Injectable()
export class SiteReads {
  constructor(
    @Inject(DOCUMENT_STORE) readonly store: DocumentStore,
    @Inject(EVENT_STORE) readonly events: EventStore,
    @Inject(SiteReadAccess) readonly access: SiteReadAccess,
  ) {}
}
