import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../../renderer/src/db/backup/backup';
import { JointDeskDB } from '../../../renderer/src/db/database';
import { openDatabaseChecked } from '../../../renderer/src/db/open-check';
import { freshDependencies } from './helpers';

/** Creates `name` at a native IndexedDB version with one store and one row, as another program would. */
function createNative(factory: IDBFactory, name: string, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, version);
    req.onupgradeneeded = () =>
      req.result.createObjectStore('units', { keyPath: 'id' }).put({ id: 'u1', name: '新版单位' });
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

function nativeState(factory: IDBFactory, name: string): Promise<{ version: number; stores: string[] }> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name);
    req.onsuccess = () => {
      resolve({ version: req.result.version, stores: [...req.result.objectStoreNames] });
      req.result.close();
    };
    req.onerror = () => reject(req.error);
  });
}

describe('openDatabaseChecked (DUR-6)', () => {
  it('refuses a database of a newer schema without touching it (Dexie 4 would reopen and patch it)', async () => {
    const deps = freshDependencies();
    const factory = deps.indexedDB as IDBFactory;
    const newer = (CURRENT_SCHEMA_VERSION + 95) * 10;
    await createNative(factory, 'jointdesk', newer);
    const db = new JointDeskDB('jointdesk', deps);
    const result = await openDatabaseChecked(db);
    expect(result).toMatchObject({ ok: false, kind: 'newer-version', name: 'VersionError' });
    expect(db.isOpen()).toBe(false);
    expect(await nativeState(factory, 'jointdesk')).toEqual({ version: newer, stores: ['units'] });
  });

  it('opens the current schema and a fresh database', async () => {
    const deps = freshDependencies();
    const db = new JointDeskDB('jointdesk', deps);
    expect(await openDatabaseChecked(db)).toEqual({ ok: true });
    db.close();
    expect(await openDatabaseChecked(new JointDeskDB('jointdesk', deps))).toEqual({ ok: true });
    expect((await nativeState(deps.indexedDB as IDBFactory, 'jointdesk')).version).toBe(CURRENT_SCHEMA_VERSION * 10);
  });
});
