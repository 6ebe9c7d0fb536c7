/** The one place that knows how stream names are spelled (`category-<id>`). */
export const streamName = {
  site: (siteId: string) => `site-${siteId}`,
  enterprise: (enterpriseId: string) => `enterprise-${enterpriseId}`,
  user: (userId: string) => `user-${userId.toLowerCase()}`,
  notification: (notificationId: string) => `notification-${notificationId}`,
} as const;

export type StreamCategory = keyof typeof streamName;

/** `site-123` → `{category: 'site', id: '123'}`; undefined for streams we did not name. */
export function parseStreamName(stream: string): { category: StreamCategory; id: string } | undefined {
  const dash = stream.indexOf('-');
  if (dash <= 0) return undefined;
  const category = stream.slice(0, dash);
  if (!(category in streamName)) return undefined;
  return { category: category as StreamCategory, id: stream.slice(dash + 1) };
}
