/** What an event tells an auditor: where it happened, about whom, and what changed (before/after). */
export interface AuditFacts {
  readonly scope: { readonly siteId?: string; readonly enterpriseId?: string; readonly locationId?: string };
  readonly targetUserIds: readonly string[];
  readonly changes: readonly { readonly field: string; readonly from: unknown; readonly to: unknown }[];
  readonly justification?: string;
  readonly reason?: string;
}
