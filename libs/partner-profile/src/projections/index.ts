import type { Projection } from '#read-store';
import { PartnerProfileProjection } from './partner-profile/partner-profile.projection.js';

export function partnerProfileProjections(): Projection[] {
  return [new PartnerProfileProjection()];
}
