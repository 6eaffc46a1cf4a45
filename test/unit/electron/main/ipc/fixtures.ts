import { vi } from 'vitest';
import type { IpcContract, IpcChannel } from '../../../../../shared/ipc/contract';
import type { IpcSenderEvent } from '../../../../../electron/main/ipc/sender';
import type { HandlersFor } from '../../../../../electron/main/ipc/register';

/** A valid input for every channel. */
export const VALID_INPUT: Readonly<Record<IpcChannel, unknown>> = {
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
};

/** The main frame of the app: the only sender that may be answered. */
export function frameEvent(url: string, parent: unknown = null): IpcSenderEvent {
  return { senderFrame: { url, parent } };
}

export const APP_MAIN_FRAME = frameEvent('app://jointdesk/index.html');

/** Recording handlers that return a contract-valid output. */
export function fakeHandlers() {
  return {
    'files:save-as': vi.fn(async () => ({ saved: true, path: '/tmp/a.xlsx' })),
    'files:open': vi.fn(async () => ({ canceled: true })),
    'app:info': vi.fn(async () => ({ version: '0.1.0', dataPath: '/data', platform: 'linux', electron: '45.4.1' })),
    'files:reveal': vi.fn(async () => ({ shown: true })),
    'print:to-pdf': vi.fn(async () => ({ saved: true, path: '/tmp/纪要.pdf' })),
  } satisfies HandlersFor<IpcContract>;
}
