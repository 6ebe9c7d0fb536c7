import type { SiteEvent } from '../../domain/site.events.js';
import { confirmationFooter, siteLabel } from './mail-text.js';

type Decision = Extract<SiteEvent, { type: 'AccessGranted' | 'AccessDenied' }>;

/** The e-mail a requester receives when an administrator decides their access request. */
export function decisionEmail(
  event: Decision,
  siteName: string,
  confirmationNumber: string,
): { subject: string; body: string } {
  const site = siteLabel(event.data.siteId, siteName);
  // Names are the requester's own words: they stay out of the text, so a request cannot put
  // lines or links into mail sent in our name.
  const greeting = 'Hello,';
  const footer = confirmationFooter(confirmationNumber);
  if (event.type === 'AccessGranted') {
    return {
      subject: `Access granted to Passport Advantage ${site}`,
      body: `${greeting}\n\nYour request for access to ${site} was granted by ${event.data.grantedBy}. Your role is ${event.data.role}. You can now sign in with your user id ${event.data.userId}.\n\n${footer}\n`,
    };
  }
  return {
    subject: `Access denied to Passport Advantage ${site}`,
    body: `${greeting}\n\nYour request for access to ${site} was denied by ${event.data.deniedBy}.\nReason: ${event.data.reason}\n\n${footer}\n`,
  };
}
