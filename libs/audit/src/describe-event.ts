import type { AuditFacts, RecordedEvent } from '../../core/src/index.js';
import { ENTERPRISE_EVENT_TYPES, type EnterpriseEvent, describeEnterpriseEvent } from '../../partner-profile/src/index.js';
import {
  SITE_EVENT_TYPES,
  type SiteEvent,
  describeNotificationDeliveryEvent,
  describeSiteEvent,
  describeUserPreferencesEvent,
} from '../../site-access/src/index.js';

/** Routes any recorded event to its context's audit description; unknown types still get an entry. */
export function describeEvent(event: RecordedEvent): AuditFacts {
  const typed = { type: event.type, data: event.data } as unknown;
  if ((SITE_EVENT_TYPES as readonly string[]).includes(event.type)) return describeSiteEvent(typed as SiteEvent);
  if ((ENTERPRISE_EVENT_TYPES as readonly string[]).includes(event.type)) return describeEnterpriseEvent(typed as EnterpriseEvent);
  if (event.type === 'NotificationEmailChanged') return describeUserPreferencesEvent(typed as Parameters<typeof describeUserPreferencesEvent>[0]);
  if (event.type === 'NotificationSent') return describeNotificationDeliveryEvent(typed as Parameters<typeof describeNotificationDeliveryEvent>[0]);
  return { scope: {}, targetUserIds: [], changes: [] };
}

/** Event payloads as auditors see them: secrets' digests are not theirs to see. */
export function redact(data: Record<string, unknown>): Record<string, unknown> {
  return 'companyTokenDigest' in data ? { ...data, companyTokenDigest: '(redacted)' } : data;
}
