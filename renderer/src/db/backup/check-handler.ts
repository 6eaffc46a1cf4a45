import { BackupRejected } from '../../../../shared/backup/format';
import { checkRequestSchema, PIECE_CHARS, ROWS_PER_MESSAGE, type CheckMessage } from './check-wire';
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
      // At most ROWS_PER_MESSAGE rows and about PIECE_CHARS of JSON per piece: large rows (纪要 versions,
      // attachments) go a few at a time, so reading one piece stays a short task on the page.
      let piece: unknown[] = [];
      let chars = 0;
      for (const row of rows) {
        const size = JSON.stringify(row)?.length ?? 0;
        if (piece.length > 0 && (piece.length === ROWS_PER_MESSAGE || chars + size > PIECE_CHARS)) {
          post({ type: 'rows', table, rows: piece });
          piece = [];
          chars = 0;
        }
        piece.push(row);
        chars += size;
      }
      if (piece.length > 0) post({ type: 'rows', table, rows: piece });
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
