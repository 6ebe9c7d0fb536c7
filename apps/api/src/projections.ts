import { type AuditContexts, auditProjections } from '../../../libs/audit/src/index.js';
import type { Projection } from '../../../libs/read-store/src/index.js';
import { enterpriseAdministeredScopes, enterpriseAuditDescriber, partnerProfileProjections } from '../../../libs/partner-profile/src/index.js';
import { siteAccessProjections, siteAdministeredScopes, siteAuditDescriber } from '../../../libs/site-access/src/index.js';

/** What each bounded context tells the audit trail: how to describe its events, who administers what. */
export const auditContexts: AuditContexts = {
  describers: [siteAuditDescriber, enterpriseAuditDescriber],
  scopes: [siteAdministeredScopes, enterpriseAdministeredScopes],
};

/** Every read model of every bounded context, fed by one projection runner. */
export function allProjections(): Projection[] {
  return [...siteAccessProjections(), ...partnerProfileProjections(), ...auditProjections(auditContexts.describers)];
}
