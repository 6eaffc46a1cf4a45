import { vi } from 'vitest';
import type { IpcContract, IpcChannel } from '../../../../../shared/ipc/contract';
import type { IpcSenderEvent } from '../../../../../electron/main/ipc/sender';
import type { HandlersFor } from '../../../../../electron/main/ipc/register';

/** A valid input for every channel. */
export const VALID_INPUT: Readonly<Record<IpcChannel, unknown>> = {
  'audit:key': undefined,
  'audit:head': undefined,
  'audit:set-head': { seq: 12, hash: 'ab'.repeat(32), keyedFrom: 3 },
  'audit:reset-head': { seq: 5, hash: 'cd'.repeat(32), reason: 'restore' },
  'files:save-as': {
    suggestedName: '成员单位台账.xlsx',
    filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    bytes: new Uint8Array([1, 2, 3]),
  },
  'files:open': { filters: [{ name: '备份', extensions: ['zip', 'json'] }] },
  'app:info': undefined,
  'files:reveal': { path: '/home/user/文档/纪要.docx' },
  'print:to-pdf': {
    route: 'print/minutes/3f2c9a1e-7d4b-4c1a-9e0f-0a1b2c3d4e5f',
    suggestedName: '会议纪要（第3期）.pdf',
  },
  'backup:list': undefined,
  'backup:write': { name: 'jointdesk-backup-20261202-183005-manual.zip', bytes: new Uint8Array([0x50, 0x4b]) },
  'backup:read': { name: 'jointdesk-backup-20261202-183005-daily.zip' },
  'backup:open-file': undefined,
  'backup:choose-dir': undefined,
  'backup:set-retention': { daily: 7, weekly: 4, monthly: 12 },
  'backup:reveal-dir': undefined,
  'backup:quarantine-db': undefined,
  'backup:quit-done': { ok: true },
  'backup:pre-open-list': undefined,
  'backup:pre-open-restore': { id: '20261204-090000' },
  'pii:public-key': undefined,
  'pii:open': { sealed: 'pii1:AAAA' },
};

/** The main frame of the app: the only sender that may be answered. */
export function frameEvent(url: string, parent: unknown = null): IpcSenderEvent {
  return { senderFrame: { url, parent } };
}

export const APP_MAIN_FRAME = frameEvent('app://jointdesk/index.html');

/** Recording handlers that return a contract-valid output. */
export function fakeHandlers() {
  const head = { seq: 12, hash: 'ab'.repeat(32), keyedFrom: 3, updatedAt: '2026-12-04T01:00:00.000Z' };
  return {
    'audit:key': vi.fn(async () => ({ key: `${'A'.repeat(43)}=` })),
    'audit:head': vi.fn(async () => ({ head })),
    'audit:set-head': vi.fn(async () => ({ head })),
    'audit:reset-head': vi.fn(async () => ({ head })),
    'files:save-as': vi.fn(async () => ({ saved: true, path: '/tmp/a.xlsx' })),
    'files:open': vi.fn(async () => ({ canceled: true })),
    'app:info': vi.fn(async () => ({ version: '0.1.0', dataPath: '/data', platform: 'linux', electron: '45.4.1' })),
    'files:reveal': vi.fn(async () => ({ shown: true })),
    'print:to-pdf': vi.fn(async () => ({ saved: true, path: '/tmp/纪要.pdf' })),
    'backup:list': vi.fn(async () => ({
      dir: '/home/user/文档/联席会议工作台备份',
      retention: { daily: 7, weekly: 4, monthly: 12 },
      entries: [],
      lastBackupAt: null,
    })),
    'backup:write': vi.fn(async () => ({ path: '/tmp/b.zip', removed: [] })),
    'backup:read': vi.fn(async () => ({ bytes: new Uint8Array([1]) })),
    'backup:open-file': vi.fn(async () => ({ canceled: true })),
    'backup:choose-dir': vi.fn(async () => ({ dir: '/tmp', changed: false })),
    'backup:set-retention': vi.fn(async () => ({ retention: { daily: 7, weekly: 4, monthly: 12 }, removed: [] })),
    'backup:reveal-dir': vi.fn(async () => ({ shown: true })),
    'backup:quarantine-db': vi.fn(async () => ({ dir: '/data/quarantine/20261203-142530', files: 5, bytes: 104_116 })),
    'backup:quit-done': vi.fn(async () => ({ quitting: true })),
    'backup:pre-open-list': vi.fn(async () => ({
      copies: [{ id: '20261204-090000', createdAt: '2026-12-04T01:00:00.000Z', files: 6, bytes: 104_116 }],
      pending: null,
    })),
    'backup:pre-open-restore': vi.fn(async () => ({ restarting: true })),
    'pii:public-key': vi.fn(async () => ({ publicKey: `${'A'.repeat(43)}=` })),
    'pii:open': vi.fn(async () => ({ json: '{"name":"张三"}' })),
  } satisfies HandlersFor<IpcContract>;
}
