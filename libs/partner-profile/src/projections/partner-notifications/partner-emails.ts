/**
 * The partner-profile e-mails, as text. Only ids, location names and roles go in: names and
 * addresses people typed stay out, so nobody can put lines or links into mail sent in our name.
 */
export interface Email {
  readonly subject: string;
  readonly body: string;
}

const footer = (confirmationNumber: string) =>
  `Confirmation number: ${confirmationNumber}\nPlease retain it for all future inquiries on this transaction.`;
const place = (locationName: string) => `the PartnerWorld location ${locationName}`;

export const partnerEmails = {
  /** To the PRC and APAs of the location. */
  awaitsApproval: (requester: string, locationName: string, confirmationNumber: string): Email => ({
    subject: `A self-association to ${locationName} awaits your approval`,
    body: `Hello,\n\n${requester} asked to join ${place(locationName)} as an employee. As its PRC or APA, please approve or deny the request.\n\n${footer(confirmationNumber)}\n`,
  }),
  /** To the requester. */
  approved: (locationName: string, decidedBy: string, confirmationNumber: string): Email => ({
    subject: `You joined ${locationName}`,
    body: `Hello,\n\nYour request to join ${place(locationName)} was approved by ${decidedBy}. Your access role is personal_update.\n\n${footer(confirmationNumber)}\n`,
  }),
  /** To the requester. */
  denied: (locationName: string, decidedBy: string, reason: string | undefined, confirmationNumber: string): Email => ({
    subject: `Your request to join ${locationName} was denied`,
    body: `Hello,\n\nYour request to join ${place(locationName)} was denied by ${decidedBy}.${reason ? `\nReason: ${reason}` : ''}\n\n${footer(confirmationNumber)}\n`,
  }),
  /** To the person a PRC/APA added directly. */
  welcome: (locationName: string, addedBy: string, accessRole: string, confirmationNumber: string): Email => ({
    subject: `Welcome to ${locationName}`,
    body: `Hello,\n\n${addedBy} added you to ${place(locationName)} with the access role ${accessRole}.\n\n${footer(confirmationNumber)}\n`,
  }),
  /** To the new PRC. */
  newPrc: (locationName: string, assignedBy: string, confirmationNumber: string): Email => ({
    subject: `You are the Primary Relationship Contact of ${locationName}`,
    body: `Hello,\n\n${assignedBy} made you the Primary Relationship Contact (PRC) of ${place(locationName)}.\n\n${footer(confirmationNumber)}\n`,
  }),
  /** A PRC communication (to the APAs while the PRC is missing). */
  prcMissing: (locationName: string, formerPrc: string, confirmationNumber: string): Email => ({
    subject: `${locationName} has no Primary Relationship Contact`,
    body: `Hello,\n\n${formerPrc} is no longer the PRC of ${place(locationName)}. You receive the PRC's communications until a new PRC is assigned.\n\n${footer(confirmationNumber)}\n`,
  }),
  /** A PRC communication (to the APAs while the PRC is missing). */
  tokenRotated: (locationName: string, rotatedBy: string, confirmationNumber: string): Email => ({
    subject: `The company token of ${locationName} was rotated`,
    body: `Hello,\n\n${rotatedBy} rotated the company token of ${place(locationName)}. The previous token stopped working; people join only with the new one.\n\n${footer(confirmationNumber)}\n`,
  }),
};
