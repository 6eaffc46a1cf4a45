export { formatChineseDate, formatDisplayDate, formatWeekday, formatDateTime, todayIso } from './format';
export { errorText, toUserFacingError, type UserFacingError } from './error-text';
export {
  IsoDatePicker,
  dateRangeRule,
  IsoRangePicker,
  type IsoDatePickerProps,
  type IsoRange,
  type IsoRangePickerProps,
} from './iso-date-picker';
export { useReportError } from './use-report-error';
export { useListShortcuts, type ListShortcuts } from './use-list-shortcuts';
export { zodFieldError, zodRule, type ZodFieldOptions, type ZodValidatorRule } from './zod-rule';
export { Page, type PageProps } from './page';
export { EmptyState, type EmptyStateProps } from './empty-state';
export { FormModal, type FormModalProps } from './form-modal';
export { EditorModal, type EditorModalProps } from './editor-modal';
export { FormButtons, type FormButtonsProps } from './form-buttons';
export { unitOptionsByKind, type UnitOptionGroup } from './unit-options';
export { listPagination } from './list-pagination';
export { AuditVerifyProgress, AuditVerifyResult, useAuditVerify, type AuditVerifyResultProps } from './audit-verify';
export { Guarded, guardedMenuItem, DeniedNotice, type GuardedProps } from './guarded';
