import { MAX_CHANGES_PER_ENTRY, MAX_EVENTS_PER_ENTRY, auditDetails } from './audit-details.js';
import { AuditDescribers } from './describe-event.js';
import type { AuditDescriber } from './ports/audit-describer.port.js';

describe('auditDetails (a transaction folded from its events)', () => {
  // A context's describer, as the port asks: changes from the payload, a secret removed by redact.
  const describer: AuditDescriber = {
    eventTypes: ['Changed', 'Decided'],
    describe: (event) => ({
      scope: { siteId: '1001' },
      targetUserIds: ['nia'],
      changes: Array.from({ length: Number(event.data.changes ?? 0) }, (_, i) => ({
        field: `f${i}`,
        from: i,
        to: i + 1,
      })),
      ...(typeof event.data.justification === 'string' ? { justification: event.data.justification } : {}),
      ...(typeof event.data.reason === 'string' ? { reason: event.data.reason } : {}),
    }),
    redact: (event) => ({ ...event.data, secret: '(redacted)' }),
  };
  const describers = new AuditDescribers([describer]);

  it('lists the changes and the redacted payloads in order, with the last justification and reason', () => {
    const details = auditDetails(
      [
        { type: 'Changed', data: { changes: 1, justification: 'first', secret: 's1' } },
        { type: 'Unclaimed', data: { x: 1 } },
        { type: 'Decided', data: { changes: 2, justification: 'second', reason: 'why', secret: 's2' } },
      ],
      3,
      describers,
    );
    expect(details).toEqual({
      changes: [
        { field: 'f0', from: 0, to: 1 },
        { field: 'f0', from: 0, to: 1 },
        { field: 'f1', from: 1, to: 2 },
      ],
      events: [
        { type: 'Changed', data: { changes: 1, justification: 'first', secret: '(redacted)' } },
        { type: 'Unclaimed', data: { x: 1 } },
        { type: 'Decided', data: { changes: 2, justification: 'second', reason: 'why', secret: '(redacted)' } },
      ],
      justification: 'second',
      reason: 'why',
    });
    expect(JSON.stringify(details)).not.toContain('s1');
  });

  it('counts the events past MAX_EVENTS_PER_ENTRY (not read, or read but not shown) instead of showing them', () => {
    const event = { type: 'Changed', data: { changes: 1 } };
    const read = Array.from({ length: MAX_EVENTS_PER_ENTRY }, () => event);
    const bounded = auditDetails(read, MAX_EVENTS_PER_ENTRY + 30, describers);
    expect(bounded.events).toHaveLength(MAX_EVENTS_PER_ENTRY);
    expect(bounded.changes).toHaveLength(MAX_EVENTS_PER_ENTRY);
    expect(bounded.omittedEvents).toBe(30);
    const overRead = auditDetails([...read, event, event], MAX_EVENTS_PER_ENTRY + 2, describers);
    expect(overRead.events).toHaveLength(MAX_EVENTS_PER_ENTRY);
    expect(overRead.omittedEvents).toBe(2);
    expect(auditDetails([event], 1, describers)).not.toHaveProperty('omittedEvents');
  });

  it('keeps at most MAX_CHANGES_PER_ENTRY changes and counts the rest', () => {
    const details = auditDetails(
      [
        { type: 'Changed', data: { changes: MAX_CHANGES_PER_ENTRY - 10 } },
        { type: 'Changed', data: { changes: 25 } },
        { type: 'Changed', data: { changes: 5 } },
      ],
      3,
      describers,
    );
    expect(details.changes).toHaveLength(MAX_CHANGES_PER_ENTRY);
    expect(details.changes.at(-1)).toEqual({ field: 'f9', from: 9, to: 10 });
    expect(details.omittedChanges).toBe(15 + 5);
    expect(details.events).toHaveLength(3);
    expect(auditDetails([{ type: 'Changed', data: { changes: 3 } }], 1, describers)).not.toHaveProperty(
      'omittedChanges',
    );
  });
});
