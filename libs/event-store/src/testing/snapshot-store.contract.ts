import { randomUUID } from 'node:crypto';
import type { SnapshotStore, StreamSnapshot } from '../snapshot-store.port.js';

/** One behaviour for every SnapshotStore; each adapter's spec runs this against a real store. */
export function snapshotStoreContract(
  open: () => Promise<{ snapshots: SnapshotStore; close: () => Promise<void> }>,
): void {
  let snapshots: SnapshotStore;
  let close: () => Promise<void>;
  let prefix: string;

  beforeEach(async () => {
    ({ snapshots, close } = await open());
    prefix = `snap${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  });
  afterEach(() => close());

  const snapshot = (name: string, revision: number, overrides: Partial<StreamSnapshot> = {}): StreamSnapshot => ({
    stream: `${prefix}_${name}-1`,
    revision,
    version: 1,
    lastHash: `hash-${revision}`,
    lastOccurredAt: '2026-01-01T00:00:00.000Z',
    state: { total: revision, members: [['ana', { role: 'primary', tags: ['a', 'ü'] }]], none: null },
    ...overrides,
  });

  it('has no snapshot for a stream it never saved', async () => {
    expect(await snapshots.load(`${prefix}_never-1`)).toBeUndefined();
  });

  it('gives back exactly what was saved', async () => {
    const saved = snapshot('a', 41);
    await snapshots.save(saved);
    expect(await snapshots.load(saved.stream)).toEqual(saved);
  });

  it('keeps a snapshot without lastOccurredAt without one', async () => {
    const { lastOccurredAt: _none, ...saved } = snapshot('b', 0);
    await snapshots.save(saved);
    const loaded = await snapshots.load(saved.stream);
    expect(loaded).toEqual(saved);
    expect(loaded).not.toHaveProperty('lastOccurredAt');
  });

  it('keeps one snapshot per stream: a newer revision replaces it, an older one of the same version does not', async () => {
    await snapshots.save(snapshot('c', 10));
    await snapshots.save(snapshot('c', 20));
    expect(await snapshots.load(snapshot('c', 0).stream)).toEqual(snapshot('c', 20));
    await snapshots.save(snapshot('c', 15));
    expect(await snapshots.load(snapshot('c', 0).stream)).toEqual(snapshot('c', 20));
  });

  it('lets a snapshot of another version replace it, whatever its revision', async () => {
    await snapshots.save(snapshot('d', 20));
    const rewritten = snapshot('d', 5, { version: 2, state: { v2: true } });
    await snapshots.save(rewritten);
    expect(await snapshots.load(rewritten.stream)).toEqual(rewritten);
  });

  it('keeps streams apart, and clear removes them all', async () => {
    await snapshots.save(snapshot('e', 3));
    await snapshots.save(snapshot('f', 4));
    expect((await snapshots.load(snapshot('e', 0).stream))?.revision).toBe(3);
    expect((await snapshots.load(snapshot('f', 0).stream))?.revision).toBe(4);
    await snapshots.clear();
    expect(await snapshots.load(snapshot('e', 0).stream)).toBeUndefined();
    expect(await snapshots.load(snapshot('f', 0).stream)).toBeUndefined();
  });
}
