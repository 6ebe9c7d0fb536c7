import { type DynamicModule, Module } from '@nestjs/common';
import { CALLER_PERMISSIONS } from '#auth';
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

/**
 * Audit and compliance: confirmations and the audit trail, answered from the event record. Global:
 * it answers auth's CALLER_PERMISSIONS port (may this caller audit?) for `GET /v1/me`.
 */
@Module({})
export class AuditModule {
  static forRoot(contexts: AuditContexts): DynamicModule {
    return {
      module: AuditModule,
      global: true,
      controllers: [AuditController],
      providers: [
        { provide: AuditDescribers, useValue: new AuditDescribers(contexts.describers) },
        {
          provide: ADMINISTERED_SCOPES,
          useFactory: (store: DocumentStore) => contexts.scopes.map((scopesOf) => scopesOf(store)),
          inject: [DOCUMENT_STORE],
        },
        AuditVisibility,
        { provide: CALLER_PERMISSIONS, useExisting: AuditVisibility },
        GetConfirmationHandler,
        SearchAuditHandler,
      ],
      exports: [CALLER_PERMISSIONS],
    };
  }
}
