import { DomainError } from '../../../../shared/domain/errors';

/** Largest import file accepted (checked before anything is parsed, and again before a worker is started). */
export const MAX_XLSX_BYTES = 10 * 1024 * 1024;

/** `文件过大（12.3 MB）：导入文件不能超过 10 MB`. */
export function fileTooLarge(byteLength: number): DomainError {
  const mb = (byteLength / 1024 / 1024).toFixed(1);
  return new DomainError('import-invalid', `文件过大（${mb} MB）：导入文件不能超过 ${MAX_XLSX_BYTES / 1024 / 1024} MB`);
}
