import type { Projection } from '#read-store';
import { PartnerProfileProjection } from './partner-profile/partner-profile.projection.js';

export function partnerProfileProjections(): Projection[] {
  return [new PartnerProfileProjection()];
}
export { partnerNotificationsPart } from './partner-notifications/partner-notifications.part.js';
