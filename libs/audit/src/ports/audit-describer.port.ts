/** An event as the audit trail sees it: its type and payload. */
export interface AuditedEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

export interface AuditScope {
  readonly siteId?: string;
  readonly enterpriseId?: string;
  readonly locationId?: string;
}

/** What an event tells an auditor: where it happened, about whom, and what changed (before/after). */
export interface AuditFacts {
  readonly scope: AuditScope;
  readonly targetUserIds: readonly string[];
  readonly changes: readonly { readonly field: string; readonly from: unknown; readonly to: unknown }[];
  readonly justification?: string;
  readonly reason?: string;
}

/**
 * How a bounded context explains its events to the audit trail. Audit owns this port; each
 * context implements it for the event types it records, and the composition root wires them.
 */
export interface AuditDescriber {
  readonly eventTypes: readonly string[];
  describe(event: AuditedEvent): AuditFacts;
  /** The payload as the trail keeps it: secrets (e.g. token digests) removed. Default: as stored. */
  redact?(event: AuditedEvent): Record<string, unknown>;
  /** The event as a caller who may not see the scope's contact details reads it. */
  withoutContactDetails?(event: AuditedEvent): AuditedEvent;
  /** Whether a change (by its field name) shows contact details. */
  isContactChange?(field: string): boolean;
  /**
   * The event as the person it is about reads it (their own confirmation, not otherwise theirs to
   * see): their own data only. A context without it does not show its transactions to the people
   * they are about (unless they may see them otherwise).
   */
  asSeenByTarget?(event: AuditedEvent, userId: string): AuditedEvent;
}

export const AUDIT_DESCRIBERS = Symbol('AUDIT_DESCRIBERS');
