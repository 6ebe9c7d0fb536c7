import type { Projection } from '../../../read-store/src/index.js';
import { PartnerProfileProjection } from './partner-profile/partner-profile.projection.js';

export function partnerProfileProjections(): Projection[] {
  return [new PartnerProfileProjection()];
}
