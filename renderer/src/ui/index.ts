export { formatChineseDate, formatDisplayDate, formatWeekday, formatDateTime, todayIso } from './format';
export { toUserFacingError, type UserFacingError } from './error-text';
export { useReportError } from './use-report-error';
export { zodRule } from './zod-rule';
export { Page, type PageProps } from './page';
export { AuditVerifyResult, useAuditVerify, type AuditVerifyResultProps } from './audit-verify';
