/** What every outbox e-mail shares: how a site is named, the footer, and quoting words others typed. */

export const siteLabel = (siteId: string, siteName: string): string =>
  siteName ? `site ${siteId} (${siteName})` : `site ${siteId}`;

export const confirmationFooter = (confirmationNumber: string): string =>
  `Confirmation number: ${confirmationNumber}\nPlease retain it for all future inquiries on this transaction.`;

const LONGEST_QUOTE = 500;
// eslint-disable-next-line no-control-regex
const UNSAFE_RUNS = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+/g;

/**
 * Text someone else typed (a requester's justification), quoted on one line: line breaks, control
 * and invisible formatting characters become spaces and it is cut at 500 characters, so it cannot
 * add lines, headers or a fake signature to mail sent in our name.
 */
export function quoted(text: string): string {
  const oneLine = text.replace(UNSAFE_RUNS, ' ').trim();
  const cut = oneLine.length > LONGEST_QUOTE ? `${oneLine.slice(0, LONGEST_QUOTE)}…` : oneLine;
  return `"${cut.replaceAll('"', "'")}"`;
}
