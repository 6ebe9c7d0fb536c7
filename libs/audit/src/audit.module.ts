import { Module } from '@nestjs/common';
import { AuditVisibility } from './application/audit-visibility.js';
import { AuditController } from './queries/audit.controller.js';
import { GetConfirmationHandler, SearchAuditHandler } from './queries/audit.queries.js';

/** Audit and compliance: confirmations and the audit trail, answered from the event record. */
@Module({
  controllers: [AuditController],
  providers: [AuditVisibility, GetConfirmationHandler, SearchAuditHandler],
})
export class AuditModule {}
