import { BackupRejected } from '../../../../shared/backup/format';
import { checkRequestSchema, ROWS_PER_MESSAGE, type CheckMessage } from './check-wire';
import { verifyBackupFile } from './verify';

/**
 * What the backup check worker does with one request (also run in-thread where there is no Worker, by
 * run-check.ts, with the same answer checks): {@link verifyBackupFile} over the bytes, progress posted as it
 * goes, then the result or the refusal's fields. Reads no storage, writes nothing.
 */
export function handleBackupCheck(data: unknown, post: (message: CheckMessage) => void): void {
  const request = checkRequestSchema.safeParse(data);
  if (!request.success) {
    post({ type: 'error', message: 'invalid request' });
    return;
  }
  try {
    const verified = verifyBackupFile(new Uint8Array(request.data.bytes), (p) =>
      post({ type: 'progress', stage: p.stage, fraction: p.fraction }),
    );
    for (const [table, rows] of Object.entries(verified.tables)) {
      for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) {
        post({ type: 'rows', table, rows: rows.slice(i, i + ROWS_PER_MESSAGE) });
      }
    }
    post({ type: 'result', manifest: verified.manifest, ms: verified.ms });
  } catch (e) {
    if (e instanceof BackupRejected) {
      post({
        type: 'refused',
        message: e.message.slice(0, 2_000),
        reason: e.reason,
        detail: e.detail.slice(0, 2_000),
      });
    } else {
      post({ type: 'error', message: (e instanceof Error ? e.message : String(e)).slice(0, 2_000) });
    }
  }
}
