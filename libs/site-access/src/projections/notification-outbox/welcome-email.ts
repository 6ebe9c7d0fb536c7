import type { SiteEvent } from '../../domain/site.events.js';
import { confirmationFooter, siteLabel } from './mail-text.js';

type Added = Extract<SiteEvent, { type: 'UserAdded' }>;

/** The e-mail a person receives when an administrator adds them to a site directly (no request). */
export function welcomeEmail(event: Added, siteName: string, confirmationNumber: string) {
  const site = siteLabel(event.data.siteId, siteName);
  return {
    subject: `Welcome to Passport Advantage ${site}`,
    body:
      `Hello,\n\n${event.data.addedBy} added you to ${site} as a ${event.data.role}. ` +
      `You may now sign in with your user id ${event.data.userId}.\n\n${confirmationFooter(confirmationNumber)}\n`,
  };
}
