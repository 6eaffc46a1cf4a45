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
  } satisfies HandlersFor<IpcContract>;
}
