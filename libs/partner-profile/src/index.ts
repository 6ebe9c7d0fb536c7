export { PartnerProfileModule } from './partner-profile.module.js';
export { partnerProfileProjections } from './projections/index.js';
export { describeEnterpriseEvent } from './domain/enterprise.audit.js';
export { ENTERPRISE_EVENT_TYPES, type EnterpriseEvent } from './domain/enterprise.events.js';
export { locationsManagedBy } from './application/managed-locations.js';
