import { AuditDescribers } from './describe-event.js';
import type { AuditDescriber } from './ports/audit-describer.port.js';

describe('AuditDescribers.asSeenByTarget', () => {
  const facts = { scope: {}, targetUserIds: [], changes: [] };
  const withView: AuditDescriber = {
    eventTypes: ['Seen'],
    describe: () => facts,
    asSeenByTarget: (event, userId) => ({ type: event.type, data: { only: userId } }),
  };
  const withoutView: AuditDescriber = { eventTypes: ['Unseen'], describe: () => facts };
  const describers = new AuditDescribers([withView, withoutView]);

  it("shows a transaction's events as the context says the person it is about sees them", () => {
    expect(describers.asSeenByTarget([{ type: 'Seen', data: { secret: 1 } }], 'nia')).toEqual([
      { type: 'Seen', data: { only: 'nia' } },
    ]);
  });

  it('shows nothing when a context does not say how one of the events looks to that person', () => {
    expect(
      describers.asSeenByTarget(
        [
          { type: 'Seen', data: {} },
          { type: 'Unseen', data: {} },
        ],
        'nia',
      ),
    ).toBeUndefined();
    expect(describers.asSeenByTarget([{ type: 'NobodyClaims', data: {} }], 'nia')).toBeUndefined();
  });
});
