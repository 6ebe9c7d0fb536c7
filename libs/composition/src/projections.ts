import { type AuditContexts, auditProjections } from '#audit';
import type { Projection } from '#read-store';
import {
  enterpriseAdministeredScopes,
  enterpriseAuditDescriber,
  partnerNotificationsPart,
  partnerProfileProjections,
} from '#partner-profile';
import { siteAccessProjections, siteAdministeredScopes, siteAuditDescriber } from '#site-access';

/** What each bounded context tells the audit trail: how to describe its events, who administers what. */
export const auditContexts: AuditContexts = {
  describers: [siteAuditDescriber, enterpriseAuditDescriber],
  scopes: [siteAdministeredScopes, enterpriseAdministeredScopes],
};

/** Every read model of every bounded context, fed by one projection runner; partner e-mails go through the one outbox. */
export function allProjections(): Projection[] {
  return [
    ...siteAccessProjections([partnerNotificationsPart()]),
    ...partnerProfileProjections(),
    ...auditProjections(auditContexts.describers),
  ];
}
