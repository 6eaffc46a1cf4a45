import { describe, expect, it, vi } from 'vitest';
import { BackupRejected, buildBackupArchive } from '../../../shared/backup/format';
import { generateDemoDataset } from '../../../shared/demo/generate';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { JointDeskDB } from '../../../renderer/src/db/database';
import { createBackup, exportTables } from '../../../renderer/src/db/backup/backup';
import { handleBackupCheck } from '../../../renderer/src/db/backup/check-handler';
import {
  BAD_CHECK_RESULT,
  PIECE_CHARS,
  ROWS_PER_MESSAGE,
  type CheckMessage,
} from '../../../renderer/src/db/backup/check-wire';
import {
  CHECK_WORKER_FAILED,
  checkBackupInWorker,
  checkTimeoutMessage,
  type CheckWorker,
} from '../../../renderer/src/db/backup/run-check';
import { verifyBackupFile } from '../../../renderer/src/db/backup/verify';
import { freshDependencies } from './helpers';

/**
 * Backup files are checked in the backup check worker (IMP-1, DUR-8): the real handler behind a fake
 * transport (Node has no Web Worker) with a structured clone each way, as postMessage does. A hostile or
 * damaged file is refused through that path with exactly the Chinese message of the in-memory check, the
 * caller's bytes are left as they were, the worker is always terminated, and an answer that is not what our
 * worker sends is refused whole.
 */

const TODAY = '2026-03-09';
const NOW = () => new Date(`${TODAY}T02:00:00.000Z`);

async function demoBackup() {
  const db = new JointDeskDB('jointdesk', freshDependencies());
  const dl = createDataLayer(db, { now: NOW });
  await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
  await dl.demo.load(generateDemoDataset({ seed: 7, scale: 1, today: TODAY }));
  const backup = await createBackup(db, { appVersion: '0.1.0', kind: 'manual', now: NOW });
  return { db, backup };
}

interface Fake extends CheckWorker {
  posted: { message: unknown; transfer: Transferable[] }[];
  /** What the worker sent back. */
  answers: CheckMessage[];
  terminated: number;
}

/** A worker whose `run` gets the (cloned) request and a `post` that delivers cloned messages on later turns. */
function fakeWorker(run?: (request: unknown, post: (m: unknown) => void) => void): Fake {
  const w: Fake = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    posted: [],
    answers: [],
    terminated: 0,
    postMessage(message, transfer) {
      w.posted.push({ message, transfer });
      const request = structuredClone(message, { transfer });
      setTimeout(
        () =>
          run?.(request, (m) => {
            w.answers.push(m as CheckMessage);
            setTimeout(() => w.onmessage?.({ data: structuredClone(m) }), 0);
          }),
        0,
      );
    },
    terminate() {
      w.terminated++;
    },
  };
  return w;
}

const realWorker = () => fakeWorker((request, post) => handleBackupCheck(request, post));

async function refusal(p: Promise<unknown>): Promise<BackupRejected> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(BackupRejected);
    return e as BackupRejected;
  }
  throw new Error('expected a refusal');
}

function directMessage(bytes: Uint8Array): string {
  try {
    verifyBackupFile(bytes);
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
}

describe('backup files are checked in the backup check worker', () => {
  it('a sound backup: the worker answers the same manifest and tables, with progress, and is terminated', async () => {
    const { backup } = await demoBackup();
    const copy = backup.bytes.slice();
    const worker = realWorker();
    const progress: { stage: string; fraction: number }[] = [];
    const verified = await checkBackupInWorker(backup.bytes, {
      createWorker: () => worker,
      onProgress: (p) => progress.push(p),
    });
    const direct = verifyBackupFile(copy);
    expect(verified.manifest).toEqual(direct.manifest);
    expect(verified.tables).toEqual(direct.tables);
    expect(worker.terminated).toBe(1);
    // A copy was transferred: the caller's bytes are still whole (makeBackup keeps them after the check).
    expect(worker.posted[0]!.transfer).toHaveLength(1);
    expect(backup.bytes).toEqual(copy);
    // The rows came back in pieces, none over the cap (each read by the page in a task of its own).
    const pieces = worker.answers.filter((m) => m.type === 'rows');
    const total = Object.values(direct.tables).reduce((n, rows) => n + rows.length, 0);
    expect(pieces.reduce((n, m) => n + m.rows.length, 0)).toBe(total);
    expect(pieces.filter((m) => m.table === 'audit').length).toBeGreaterThan(1);
    expect(Math.max(...pieces.map((m) => m.rows.length))).toBeLessThanOrEqual(ROWS_PER_MESSAGE);
    expect(progress.map((p) => p.stage)).toEqual(
      expect.arrayContaining(['unzip', 'checksum', 'parse', 'rows', 'audit']),
    );
    expect(progress.at(-1)).toEqual({ stage: 'audit', fraction: 1 });
    expect(progress.every((p, i) => i === 0 || p.fraction >= progress[i - 1]!.fraction)).toBe(true);
  });

  it('hostile and damaged backups are refused through the worker path with the same Chinese message', async () => {
    const { db, backup } = await demoBackup();
    const { tables, auditHead } = await exportTables(db);
    const build = async (t: typeof tables, schemaVersion = backup.manifest.schemaVersion) =>
      (
        await buildBackupArchive({
          tables: t,
          appVersion: '0.1.0',
          schemaVersion,
          createdAt: NOW(),
          kind: 'manual',
          auditHead,
        })
      ).bytes;
    const audit = tables['audit'] as { seq: number; action: string }[];
    const hostile: [string, Uint8Array][] = [
      ['not a zip', new TextEncoder().encode('<html>备份</html>')],
      ['truncated', backup.bytes.slice(0, backup.bytes.byteLength >> 1)],
      ['newer schema', await build(tables, 99)],
      ['bad row', await build({ ...tables, units: [{ ...(tables['units']![0] as object), kind: '不存在' }] })],
      ['__proto__ row', await build({ ...tables, units: [JSON.parse('{"__proto__":{"polluted":1}}')] })],
      [
        'edited audit',
        await build({ ...tables, audit: audit.map((e) => (e.seq === 5 ? { ...e, action: 'delete' } : e)) }),
      ],
      ['unknown table', await build({ ...tables, secrets: [{ id: 'x' }] })],
    ];
    // Seeded bit flips anywhere in the file.
    let seed = 20261204;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff);
    for (let i = 0; i < 20; i++) {
      const c = backup.bytes.slice();
      c[Math.floor(rand() * c.byteLength)]! ^= 1 << Math.floor(rand() * 8);
      hostile.push([`bit flip ${i}`, c]);
    }
    for (const [name, bytes] of hostile) {
      const expected = directMessage(bytes.slice());
      expect(expected, name).not.toBe('accepted');
      const worker = realWorker();
      const e = await refusal(checkBackupInWorker(bytes, { createWorker: () => worker }));
      expect(e.message, name).toBe(expected);
      expect(e.message, name).toMatch(/未作任何改动/);
      expect(worker.terminated, name).toBe(1);
      // And the same where there is no Worker (the in-thread path).
      expect((await refusal(checkBackupInWorker(bytes, { createWorker: () => undefined }))).message, name).toBe(
        expected,
      );
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  }, 120_000);

  it('large rows come back a few at a time (about PIECE_CHARS of JSON per piece)', async () => {
    const { db, backup } = await demoBackup();
    const { tables, auditHead } = await exportTables(db);
    const drafts = Array.from({ length: 12 }, (_, i) => ({
      id: `d${i}`,
      entity: 'minutes',
      content: '纪要正文'.repeat(75_000),
      updatedAt: NOW().toISOString(),
    }));
    const bytes = (
      await buildBackupArchive({
        tables: { ...tables, drafts },
        appVersion: '0.1.0',
        schemaVersion: backup.manifest.schemaVersion,
        createdAt: NOW(),
        kind: 'manual',
        auditHead,
      })
    ).bytes;
    const worker = realWorker();
    const verified = await checkBackupInWorker(bytes, { createWorker: () => worker });
    expect(verified.tables['drafts']).toEqual(drafts);
    const pieces = worker.answers.filter((m) => m.type === 'rows' && m.table === 'drafts');
    expect(pieces.length).toBeGreaterThanOrEqual(4);
    for (const m of pieces) {
      const rows = (m as { rows: unknown[] }).rows;
      expect(rows.length === 1 || JSON.stringify(rows).length <= PIECE_CHARS + 1_000).toBe(true);
    }
  });

  it('a time limit, a crashed worker and an answer our worker never sends are refused, and the worker terminated', async () => {
    const { backup } = await demoBackup();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const silent = fakeWorker();
      const waiting = refusal(checkBackupInWorker(backup.bytes, { createWorker: () => silent, timeoutMs: 5_000 }));
      await vi.advanceTimersByTimeAsync(5_001);
      expect((await waiting).message).toBe(checkTimeoutMessage(5_000));
      expect(silent.terminated).toBe(1);
    } finally {
      vi.useRealTimers();
    }

    const crashing = fakeWorker(() =>
      crashing.onerror?.({ message: 'out of memory', preventDefault: () => undefined }),
    );
    expect((await refusal(checkBackupInWorker(backup.bytes, { createWorker: () => crashing }))).message).toBe(
      CHECK_WORKER_FAILED,
    );
    expect(crashing.terminated).toBe(1);

    // The real answer with one piece of a table's rows dropped (the counts no longer match the manifest) …
    let dropped = false;
    const lying = fakeWorker((request, post) =>
      handleBackupCheck(request, (m: CheckMessage) => {
        if (m.type === 'rows' && m.table === 'audit' && !dropped) dropped = true;
        else post(m);
      }),
    );
    expect((await refusal(checkBackupInWorker(backup.bytes, { createWorker: () => lying }))).message).toBe(
      BAD_CHECK_RESULT,
    );
    // … or with a key our worker never sends.
    const extra = fakeWorker((request, post) =>
      handleBackupCheck(request, (m: CheckMessage) => post(m.type === 'result' ? { ...m, patch: 'x' } : m)),
    );
    expect((await refusal(checkBackupInWorker(backup.bytes, { createWorker: () => extra }))).message).toBe(
      BAD_CHECK_RESULT,
    );
    // … or rows of a table the manifest does not list.
    const added = fakeWorker((request, post) =>
      handleBackupCheck(request, (m: CheckMessage) => {
        if (m.type === 'result') post({ type: 'rows', table: 'secrets', rows: [{ id: 'x' }] });
        post(m);
      }),
    );
    expect((await refusal(checkBackupInWorker(backup.bytes, { createWorker: () => added }))).message).toBe(
      BAD_CHECK_RESULT,
    );
    expect(dropped).toBe(true);
    expect(lying.terminated + extra.terminated + added.terminated).toBe(3);
  });
});
