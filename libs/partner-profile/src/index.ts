export { PartnerProfileModule } from './partner-profile.module.js';
export { partnerNotificationsPart, partnerProfileProjections } from './projections/index.js';
export { enterpriseAuditDescriber, enterpriseAdministeredScopes } from './application/enterprise-audit.js';
