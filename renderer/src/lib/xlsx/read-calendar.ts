import type { YearSchedule } from '../../../../shared/domain';
import { runImport, type RunImportOptions } from './import-runner';
import { decodeCalendar } from './import-wire';

/**
 * A 年度安排 (pasted or from a file) checked in the import worker (import-runner.ts; parse-import.ts: 256 KB cap,
 * strict UTF-8, JSON, zod with Chinese messages naming the entry), the answer checked by zod when it arrives.
 * The caller writes it with `calendar.importYear`, which checks it again inside its one transaction.
 *
 * @throws DomainError('import-invalid') — too large, not UTF-8, not JSON, not a valid schedule, or the worker
 *   failed or ran out of time.
 */
export async function readCalendarImport(text: string, o?: RunImportOptions): Promise<YearSchedule> {
  return decodeCalendar(await runImport('calendar', new TextEncoder().encode(text), o));
}
