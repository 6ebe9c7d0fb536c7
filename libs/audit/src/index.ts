import type { Projection } from '#read-store';
import { AuditDescribers } from './describe-event.js';
import type { AuditDescriber } from './ports/audit-describer.port.js';
import { AuditTrailProjection } from './projections/audit-trail/audit-trail.projection.js';

export { AuditModule, type AuditContexts } from './audit.module.js';
export { AuditDescribers } from './describe-event.js';
export * from './ports/index.js';
export { AUDIT_COLLECTION, type AuditEntryDocument } from './projections/audit-trail/audit-trail.projection.js';

export function auditProjections(describers: readonly AuditDescriber[]): Projection[] {
  return [new AuditTrailProjection(new AuditDescribers(describers))];
}
