import type { Projection } from '../../read-store/src/index.js';
import { AuditTrailProjection } from './projections/audit-trail/audit-trail.projection.js';

export { AuditModule } from './audit.module.js';
export { describeEvent } from './describe-event.js';
export { AUDIT_COLLECTION, type AuditEntryDocument } from './projections/audit-trail/audit-trail.projection.js';

export function auditProjections(): Projection[] {
  return [new AuditTrailProjection()];
}
