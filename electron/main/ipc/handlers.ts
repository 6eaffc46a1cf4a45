import type { IpcContract } from '../../../shared/ipc/contract';
import { createAppHandlers, type AppInfoContext } from './app';
import { createAuditHandlers, type AuditContext } from './audit';
import { createBackupHandlers, type BackupContext } from './backup';
import { createFileHandlers, type FilesContext } from './files';
import type { PiiKeys } from '../keys/pii-keys';
import type { RevealLog } from '../keys/reveal-log';
import { createPiiHandlers } from './pii';
import { createPrintHandlers, type PrintContext } from './print';
import type { HandlersFor } from './register';

export type IpcContext = FilesContext & {
  /** The audit key and main's head file (electron/main/audit). */
  readonly audit: AuditContext;
  readonly appInfo: AppInfoContext;
  /** Printing reuses the file handlers' save-as, so only the page URL and the renderer are injected. */
  readonly print: Omit<PrintContext, 'saveAs'>;
  /** The backup folder; dialogs and the window are shared with the file handlers. */
  readonly backup: Omit<BackupContext, 'dialog' | 'getWindow'>;
  /** The installation's 投诉举报人信息 key pair (electron/main/keys/pii-keys.ts). */
  readonly piiKeys: PiiKeys;
  /** Main's append-only record of every pii:open (electron/main/keys/reveal-log.ts). */
  readonly revealLog: RevealLog;
};

/** Every channel's handler, built from one injected context. */
export function createIpcHandlers(ctx: IpcContext): HandlersFor<IpcContract> {
  const files = createFileHandlers(ctx);
  return {
    ...createAuditHandlers(ctx.audit),
    ...files,
    ...createAppHandlers(ctx.appInfo),
    ...createPrintHandlers({ ...ctx.print, saveAs: files['files:save-as'] }),
    ...createBackupHandlers({ ...ctx.backup, dialog: ctx.dialog, getWindow: ctx.getWindow }),
    ...createPiiHandlers(ctx.piiKeys, ctx.revealLog),
  };
}
