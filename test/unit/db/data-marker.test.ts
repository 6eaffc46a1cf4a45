import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { saveAuditCheckpoint, type CheckpointStorage } from '../../../renderer/src/db/audit-checkpoint';
import {
  auditHeadSeq,
  checkDataPresent,
  clearDataMarker,
  keepDataMarker,
  readDataMarker,
  saveDataMarker,
} from '../../../renderer/src/db/data-marker';
import { JointDeskDB } from '../../../renderer/src/db/database';
import { freshDependencies, rawWrite, unitInput, withProfile } from './helpers';

function memoryStorage(): CheckpointStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const NOW = new Date('2026-12-03T08:00:00Z');

/** Chromium's answer to damaged IndexedDB files (test/durability/corrupt-profile.ts): an empty database. */
async function emptied(db: JointDeskDB): Promise<void> {
  for (const store of ['audit', 'settings', 'units', 'profiles']) await rawWrite(db, store, (s) => s.clear());
}

describe('data marker outside IndexedDB (DUR-6: an emptied database is not started on silently)', () => {
  it('a fresh install with no marker starts; an emptied database with a marker is refused, naming the count', async () => {
    const storage = memoryStorage();
    const fresh = new JointDeskDB('jointdesk', freshDependencies());
    expect(await checkDataPresent(fresh, storage)).toEqual({ ok: true, seq: 0 });

    const h = await withProfile();
    for (let i = 1; i <= 4; i++) await h.dl.units.create(unitInput(`第${i}局`));
    expect(await auditHeadSeq(h.db)).toBe(5);
    saveDataMarker(h.db.name, 5, NOW, storage);
    expect(await checkDataPresent(h.db, storage)).toEqual({ ok: true, seq: 5 });

    await emptied(h.db);
    expect(await checkDataPresent(h.db, storage)).toEqual({ ok: false, kind: 'data-missing', expected: 5, found: 0 });
    // Only the marker is read; nothing is written to the database by the check.
    expect(await h.db.audit.count()).toBe(0);
    expect(await h.db.settings.count()).toBe(0);
  });

  it('the audit checkpoint alone also says the database had data', async () => {
    const storage = memoryStorage();
    const h = await withProfile();
    await h.dl.units.create(unitInput('区市场监管局'));
    saveAuditCheckpoint(h.db.name, { seq: 2, hash: 'a'.repeat(64) }, NOW, storage);
    await emptied(h.db);
    expect(await checkDataPresent(h.db, storage)).toMatchObject({ ok: false, kind: 'data-missing', expected: 2 });
  });

  it('a shorter trail is said over the app when the audit check at start would not see it (checkpoint older)', async () => {
    const storage = memoryStorage();
    const h = await withProfile();
    for (let i = 1; i <= 5; i++) await h.dl.units.create(unitInput(`第${i}局`));
    saveAuditCheckpoint(h.db.name, { seq: 2, hash: 'a'.repeat(64) }, NOW, storage);
    saveDataMarker(h.db.name, 6, NOW, storage);
    // The newest 2 entries and the head gone, as a truncated LevelDB log would leave it.
    await rawWrite(h.db, 'audit', (s) => s.delete(IDBKeyRange.lowerBound(5)));
    await rawWrite(h.db, 'settings', (s) => s.put({ key: 'audit.head', value: { seq: 4, hash: 'b'.repeat(64) } }));
    expect(await checkDataPresent(h.db, storage)).toEqual({ ok: true, seq: 4, short: { expected: 6, found: 4 } });
    // Shorter than the checkpoint: the audit check at start reports it (it would say it twice otherwise).
    saveAuditCheckpoint(h.db.name, { seq: 5, hash: 'a'.repeat(64) }, NOW, storage);
    expect(await checkDataPresent(h.db, storage)).toEqual({ ok: true, seq: 4 });
    // Taken as it is on the user's word: quiet again.
    saveDataMarker(h.db.name, 4, NOW, storage);
    saveAuditCheckpoint(h.db.name, { seq: 4, hash: 'a'.repeat(64) }, NOW, storage);
    expect(await checkDataPresent(h.db, storage)).toEqual({ ok: true, seq: 4 });
  });

  it('a read that fails is reported as unreadable, not thrown', async () => {
    const h = await withProfile();
    vi.spyOn(h.db.settings, 'get').mockRejectedValueOnce(
      Object.assign(new Error('Internal error reading backing store'), { name: 'UnknownError' }),
    );
    // Dexie wraps it in a transaction error and keeps the name.
    expect(await checkDataPresent(h.db, memoryStorage())).toMatchObject({
      ok: false,
      kind: 'unreadable',
      name: 'UnknownError',
      message: expect.stringContaining('Internal error reading backing store'),
    });
  });

  it('keepDataMarker follows every committed write and never moves the marker back; a restore clears it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const storage = memoryStorage();
      const h = await withProfile();
      const stop = keepDataMarker(h.db, { debounceMs: 10, storage });
      await vi.waitFor(() => expect(readDataMarker(h.db.name, storage)?.seq).toBe(1));
      await h.dl.units.create(unitInput('区市场监管局'));
      await h.dl.units.create(unitInput('区公安分局'));
      await vi.advanceTimersByTimeAsync(20);
      await vi.waitFor(() => expect(readDataMarker(h.db.name, storage)?.seq).toBe(3));
      // A write whose head is lower than the marker (only a restore replaces the trail) does not lower it.
      saveDataMarker(h.db.name, 9, NOW, storage);
      await h.dl.units.create(unitInput('区司法局'));
      await vi.advanceTimersByTimeAsync(20);
      await vi.advanceTimersByTimeAsync(20);
      expect(readDataMarker(h.db.name, storage)?.seq).toBe(9);
      clearDataMarker(h.db.name, storage);
      expect(readDataMarker(h.db.name, storage)).toBeNull();
      stop();
      await h.dl.units.create(unitInput('区城管局'));
      await vi.advanceTimersByTimeAsync(20);
      expect(readDataMarker(h.db.name, storage)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores a marker that is not one of ours', async () => {
    const storage = memoryStorage();
    storage.setItem('jointdesk.db.marker.jointdesk', '{"seq":"many"}');
    expect(readDataMarker('jointdesk', storage)).toBeNull();
    storage.setItem('jointdesk.db.marker.jointdesk', 'not json');
    expect(readDataMarker('jointdesk', storage)).toBeNull();
  });
});
