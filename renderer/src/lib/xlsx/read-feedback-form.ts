import type { FeedbackFormSheets } from '../../../../shared/import/feedback-form';
import { runImport, type RunImportOptions } from './import-runner';
import { decodeFeedbackForm } from './import-wire';

/**
 * Reads a filled 督办事项反馈表 into plain texts for `interpretFeedbackForm` (shared/import/feedback-form.ts):
 * parsed in a worker (import-runner.ts) through the guarded path (parse-import.ts: 10 MB cap, zip limits on
 * bytes actually inflated, row/cell caps), the answer checked by zod. Formula cells of either sheet are
 * listed, never evaluated.
 *
 * @throws DomainError('import-invalid') for a file that is too large, unsafe, not an .xlsx, lacks a sheet,
 *   or whose parsing runs out of time.
 */
export async function readFeedbackFormWorkbook(
  bytes: ArrayBuffer | Uint8Array,
  o?: RunImportOptions,
): Promise<FeedbackFormSheets> {
  return decodeFeedbackForm(await runImport('feedback-form', bytes, o));
}
