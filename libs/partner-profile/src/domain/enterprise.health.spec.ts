import { locationWarnings, prcCommunicationRecipients } from './enterprise.health.js';

describe('locationWarnings', () => {
  it('warns PRC_MISSING while a location has no PRC, and nothing once it has one', () => {
    expect(locationWarnings(null)).toEqual(['PRC_MISSING']);
    expect(locationWarnings('pat@example.com')).toEqual([]);
  });
});

describe('prcCommunicationRecipients', () => {
  const apa = (userId: string, email: string) => ({ userId, email, accessRole: 'apa' as const });

  it('sends the PRC’s communications to the PRC alone while there is one', () => {
    const employees = [
      apa('ann@example.com', 'ann@example.com'),
      { userId: 'pat@example.com', email: 'pat@example.com', accessRole: 'prc' as const },
    ];
    expect(prcCommunicationRecipients(employees)).toEqual([
      { userId: 'pat@example.com', email: 'pat@example.com', reason: 'prc' },
    ]);
  });

  it('falls back to every APA with an e-mail, in the given order, while the PRC is missing', () => {
    const employees = [
      apa('ann@example.com', 'ann@example.com'),
      apa('bob@example.com', ''),
      { userId: 'vic@example.com', email: 'vic@example.com', accessRole: 'view_only' as const },
      apa('cat@example.com', 'cat@x.org'),
    ];
    expect(prcCommunicationRecipients(employees)).toEqual([
      { userId: 'ann@example.com', email: 'ann@example.com', reason: 'apa_fallback' },
      { userId: 'cat@example.com', email: 'cat@x.org', reason: 'apa_fallback' },
    ]);
  });

  it('names nobody when there is neither a PRC nor an APA', () => {
    expect(
      prcCommunicationRecipients([
        { userId: 'vic@example.com', email: 'vic@example.com', accessRole: 'personal_update' },
      ]),
    ).toEqual([]);
  });
});
