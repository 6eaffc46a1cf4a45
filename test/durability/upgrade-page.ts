/**
 * The page of the upgrade-kill test (bundled by test/durability/upgrade.ts with esbuild, served on its own). It
 * seeds a database as an older release left it (plain Dexie with that release's declarations, the way
 * test/unit/db/migration-harness.ts does in fake-indexeddb), opens it with the app's JointDeskDB (every pending
 * upgrade runs in one versionchange transaction) and reads what is on disk with raw IndexedDB, no upgrade:
 * the version, the indexes and how many rows are migrated. The API is `window.__upgrade`; `open` reports
 * `__OPENED{ms}` on the console when the upgrade committed.
 */
import Dexie from 'dexie';
import { declareVersions, JointDeskDB } from '../../renderer/src/db/database';
import { SCHEMA_VERSIONS } from '../../renderer/src/db/migrations';

export type Scenario = 'audit-indexes' | 'resolution-rows';

export const SCENARIOS = {
  'audit-indexes': { from: 4, table: 'audit', marks: ['[entity+seq]', '[actorId+seq]', '[action+seq]'] },
  'resolution-rows': { from: 1, table: 'resolutions', marks: ['minutesId', '[minutesId+state]'] },
} as const;

export interface OnDisk {
  /** IndexedDB version (Dexie's × 10). */
  version: number;
  rows: number;
  /** Rows in the new shape (resolution-rows: `deadlineRule` and `minutesId` set, no cannot_complete state). */
  migrated: number;
  /** Which of the scenario's new indexes exist. */
  indexes: string[];
}

export interface UpgradeApi {
  seed(s: Scenario, rows: number): Promise<OnDisk>;
  /** Starts opening with the current schema and returns at once; `__OPENED{ms}` follows on success. */
  open(): void;
  /** Opens with the current schema and waits. */
  openAndWait(): Promise<number>;
  inspect(s: Scenario): Promise<OnDisk>;
  currentVersion(): number;
}

const NAME = 'jointdesk';

const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

async function seed(s: Scenario, rows: number): Promise<OnDisk> {
  const db = new Dexie(NAME, { chromeTransactionDurability: 'strict' });
  declareVersions(db, SCHEMA_VERSIONS.slice(0, SCENARIOS[s].from));
  await db.open();
  const at = '2025-06-01T08:00:00.000Z';
  const chunk = 5000;
  if (s === 'audit-indexes') {
    const entities = ['unit', 'topic', 'dispute', 'meeting', 'minutes', 'resolution', 'taskEvent'];
    const actions = ['create', 'update', 'transition', 'export'];
    for (let i = 0; i < rows; i += chunk) {
      const list = [];
      for (let seq = i + 1; seq <= Math.min(rows, i + chunk); seq++)
        list.push({
          seq,
          ts: new Date(Date.parse(at) + seq * 60_000).toISOString(),
          actorId: `profile-${seq % 7}`,
          actorName: '王丽',
          actorRole: 'office_staff',
          entity: entities[seq % entities.length],
          entityId: `record-${seq % 9973}`,
          action: actions[seq % actions.length],
          before: null,
          after: { name: `记录${seq}`, note: '联席会议办公室'.repeat(4) },
          prevHash: String(seq - 1).padStart(64, '0'),
          hash: String(seq).padStart(64, '0'),
        });
      await db.table('audit').bulkAdd(list);
    }
  } else {
    const meetings = 50;
    await db.table('meetings').bulkAdd(
      Array.from({ length: meetings }, (_, m) => ({
        id: `meeting-${m}`,
        createdAt: at,
        updatedAt: at,
        kind: 'regular',
        startsAt: `2025-${String((m % 12) + 1).padStart(2, '0')}-10T09:00`,
        place: '会议室',
        year: 2025,
        sequence: m + 1,
        state: 'issued',
      })),
    );
    await db.table('minutes').bulkAdd(
      Array.from({ length: meetings }, (_, m) => ({
        id: `minutes-${m}`,
        createdAt: at,
        updatedAt: at,
        meetingId: `meeting-${m}`,
        state: 'issued',
        issuedOn: `2025-${String((m % 12) + 1).padStart(2, '0')}-15`,
        issueNumber: m + 1,
        version: 3,
        content: { type: 'doc', content: [] },
      })),
    );
    for (let i = 0; i < rows; i += chunk) {
      const list = [];
      for (let n = i; n < Math.min(rows, i + chunk); n++)
        list.push({
          id: `resolution-${n}`,
          createdAt: at,
          updatedAt: at,
          meetingId: `meeting-${n % meetings}`,
          content: `议定事项${n}：由牵头单位会同相关单位开展联合整治，按期反馈办理情况`,
          leadUnitId: `unit-${n % 40}`,
          coUnitIds: [`unit-${(n + 1) % 40}`],
          deadlineWorkingDays: 10 + (n % 20),
          deadline: '2025-07-01',
          ...(n % 3 === 0
            ? { state: 'cannot_complete', cannotCompleteReason: '涉及上级事权' }
            : { state: 'in_progress' }),
        });
      await db.table('resolutions').bulkAdd(list);
    }
  }
  db.close();
  return inspect(s);
}

async function inspect(s: Scenario): Promise<OnDisk> {
  const raw = await request(indexedDB.open(NAME)); // no version: opens what is there, never upgrades
  try {
    const { table, marks } = SCENARIOS[s];
    const tx = raw.transaction(table, 'readonly');
    const store = tx.objectStore(table);
    const names = [...store.indexNames];
    const indexes = marks.filter((m) => names.includes(m));
    const count = await request(store.count());
    let migrated = 0;
    if (s === 'audit-indexes') {
      // Index-only: migrated means the indexes exist and cover every row.
      migrated = indexes.length === marks.length ? await request(store.index('[entity+seq]').count()) : 0;
    } else {
      const all = (await request(store.getAll())) as Record<string, unknown>[];
      migrated = all.filter((r) => r.deadlineRule && r.minutesId && r.state !== 'cannot_complete').length;
    }
    return { version: raw.version, rows: count, migrated, indexes };
  } finally {
    raw.close();
  }
}

async function openAndWait(): Promise<number> {
  const t0 = performance.now();
  const db = new JointDeskDB();
  await db.open();
  db.close();
  return performance.now() - t0;
}

const api: UpgradeApi = {
  seed,
  inspect,
  openAndWait,
  open() {
    openAndWait().then(
      (ms) => console.log(`__OPENED${ms}`),
      (e: unknown) => console.log(`__ERR${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`),
    );
  },
  currentVersion: () => SCHEMA_VERSIONS.at(-1)!.version,
};
(globalThis as unknown as { __upgrade: UpgradeApi }).__upgrade = api;
