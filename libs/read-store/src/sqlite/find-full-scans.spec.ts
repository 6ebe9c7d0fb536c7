import { findFullScans } from './find-full-scans.js';
import { SqliteDocumentStore } from './sqlite-document-store.js';

describe('findFullScans', () => {
  let store: SqliteDocumentStore;
  beforeEach(() => (store = new SqliteDocumentStore(':memory:')));
  afterEach(() => store.close());

  it('flags a query no index serves and passes an indexed one', async () => {
    const members = store.collection('members');
    await members.createIndex({ siteId: 1, userId: 1 }, { unique: true });
    await members.insertOne({ _id: '1001:u1', siteId: '1001', userId: 'u1', lastName: 'A' });

    await members.find({ siteId: '1001' }, { sort: { lastName: 1 } });
    expect(findFullScans(store)).toEqual([]);

    await members.find({ lastName: 'A' });
    const scans = findFullScans(store);
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ collection: 'members', plan: ['SCAN members'] });
    expect(scans[0]!.sql).toContain(`json_extract(doc, '$.lastName') = ?`);
    expect(findFullScans(store, ['members'])).toEqual([]);
  });

  it('finds every query shape the product issues on an indexed field served by an index', async () => {
    // The indexes and queries of the projections and query handlers (libs/*/src), by shape.
    const audit = store.collection('audit_trail');
    await audit.createIndex({ actorId: 1, occurredAt: -1 });
    await audit.createIndex({ targetUserIds: 1 });
    for (const field of ['scope.siteId', 'scope.enterpriseId', 'scope.locationId', 'action'])
      await audit.createIndex({ [field]: 1 });
    await audit.insertOne({
      _id: 'C1',
      actorId: 'u1',
      occurredAt: '2026-01-01T00:00:00.000Z',
      scope: { siteId: '1001' },
      targetUserIds: ['u2'],
    });
    const members = store.collection('site_members');
    await members.createIndex({ siteId: 1, userId: 1 }, { unique: true });
    await members.createIndex({ userId: 1 });
    const requests = store.collection('site_requests');
    await requests.createIndex({ siteId: 1, status: 1 });
    await requests.createIndex({ userId: 1 });
    const notifications = store.collection('notifications');
    await notifications.createIndex({ userId: 1, createdAt: -1 });
    await notifications.createIndex({ status: 1 });
    const employees = store.collection('employees');
    await employees.createIndex({ enterpriseId: 1, userId: 1 });
    await employees.createIndex({ locationId: 1 });
    const checkpoints = store.collection('checkpoints');
    await checkpoints.insertOne({ _id: 'a' });

    const visible = {
      $or: [{ 'scope.siteId': { $in: ['1001'] } }, { 'scope.locationId': { $in: ['L1'] } }, { actorId: 'u1' }],
    };
    const newestFirst = { sort: { occurredAt: -1 as const, _id: -1 as const }, limit: 50, skip: 0 };
    await audit.findOne({ _id: 'C1' });
    await audit.countDocuments({ $and: [{ _id: 'C1' }, visible] });
    await audit.find({ $and: [visible] }, newestFirst);
    await audit.find(
      { targetUserIds: 'u2', $and: [{}, { occurredAt: { $gte: '2026-01-01T00:00:00.000Z' } }] },
      newestFirst,
    );
    await audit.find({ actorId: 'u1', 'scope.siteId': '1001', action: 'GrantAccess' }, newestFirst);
    await audit.countDocuments({ 'scope.enterpriseId': 'E1', $and: [visible] });
    await members.find(
      { siteId: '1001', role: 'primary', $or: [{ firstName: /a/i }, { email: /a/i }] },
      { sort: { lastName: 1, firstName: 1, userId: 1 }, limit: 20 },
    );
    await members.find({ userId: 'u1' }, { sort: { siteId: 1 } });
    await requests.countDocuments({ siteId: '1001', status: 'pending' });
    await requests.find({ siteId: '1001' }, { sort: { requestedAt: -1, _id: 1 }, projection: { _id: 0, position: 0 } });
    await notifications.find({ status: 'queued' }, { sort: { createdAt: 1 }, limit: 100 });
    await notifications.find({ userId: 'u1' }, { sort: { createdAt: -1 } });
    await notifications.updateOne({ _id: 'n1' }, { $set: { status: 'sent' } });
    await employees.find({ enterpriseId: 'E1', userId: 'u1' });
    await employees.find({ locationId: 'L1', accessRole: { $in: ['prc', 'apa'] } }, { sort: { userId: 1 } });
    await checkpoints.find({ _id: { $in: ['a', 'b'] } });
    await checkpoints.deleteMany({ _id: { $in: ['a', 'b'] } });

    expect(findFullScans(store)).toEqual([]);
    const audited = new Set(store.queryPlans().map((p) => p.collection));
    expect([...audited].sort()).toEqual([
      'audit_trail',
      'checkpoints',
      'employees',
      'notifications',
      'site_members',
      'site_requests',
    ]);
    if (process.env.PRINT_PLANS) process.stdout.write(JSON.stringify(store.queryPlans(), null, 1));
  });
});
