import { type DynamicModule, Module } from '@nestjs/common';
import { DOCUMENT_STORE, type DocumentStore } from '#read-store';
import { AuditVisibility } from './application/audit-visibility.js';
import { AuditDescribers } from './describe-event.js';
import { ADMINISTERED_SCOPES, type AdministeredScopes } from './ports/administered-scopes.port.js';
import type { AuditDescriber } from './ports/audit-describer.port.js';
import { AuditController } from './queries/audit.controller.js';
import { GetConfirmationHandler, SearchAuditHandler } from './queries/audit.queries.js';

export interface AuditContexts {
  /** How each context explains its events. */
  readonly describers: readonly AuditDescriber[];
  /** Who administers what, per context (they read their own read models). */
  readonly scopes: readonly ((store: DocumentStore) => AdministeredScopes)[];
}

/** Audit and compliance: confirmations and the audit trail, answered from the event record. */
@Module({})
export class AuditModule {
  static forRoot(contexts: AuditContexts): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditController],
      providers: [
        { provide: AuditDescribers, useValue: new AuditDescribers(contexts.describers) },
        {
          provide: ADMINISTERED_SCOPES,
          useFactory: (store: DocumentStore) => contexts.scopes.map((scopesOf) => scopesOf(store)),
          inject: [DOCUMENT_STORE],
        },
        AuditVisibility,
        GetConfirmationHandler,
        SearchAuditHandler,
      ],
    };
  }
}
