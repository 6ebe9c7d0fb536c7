import { auditProjections } from '../../../libs/audit/src/index.js';
import type { Projection } from '../../../libs/read-store/src/index.js';
import { partnerProfileProjections } from '../../../libs/partner-profile/src/index.js';
import { siteAccessProjections } from '../../../libs/site-access/src/index.js';

/** Every read model of every bounded context, fed by one projection runner. */
export function allProjections(): Projection[] {
  return [...siteAccessProjections(), ...partnerProfileProjections(), ...auditProjections()];
}
