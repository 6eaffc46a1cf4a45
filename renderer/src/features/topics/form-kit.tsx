import { DatePicker, type FormRule } from 'antd';
import type { TFunction } from 'i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { ZodType } from 'zod';
import { toUserFacingError } from '../../ui';

const ISO = 'YYYY-MM-DD';

export interface IsoDatePickerProps {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Latest selectable date, `YYYY-MM-DD` (a submission date cannot be in the future). */
  max?: string;
  'aria-label'?: string;
}

/** A date picker whose form value is the domain's `YYYY-MM-DD` string, so zod validates it directly. */
export function IsoDatePicker({ id, value, onChange, max, ...rest }: IsoDatePickerProps) {
  return (
    <DatePicker
      id={id}
      aria-label={rest['aria-label']}
      format={ISO}
      value={value ? dayjs(value, ISO) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format(ISO) : undefined)}
      disabledDate={(d: Dayjs) => max !== undefined && d.format(ISO) > max}
      style={{ width: '100%' }}
      allowClear={false}
    />
  );
}

export interface IsoRange {
  from?: string;
  to?: string;
}

/** A from–to filter over `YYYY-MM-DD` strings; either end may be open. */
export function IsoRangePicker({
  value,
  onChange,
  placeholder,
  'aria-label': ariaLabel,
}: {
  value: IsoRange;
  onChange: (v: IsoRange) => void;
  placeholder: [string, string];
  'aria-label'?: string;
}) {
  return (
    <DatePicker.RangePicker
      aria-label={ariaLabel}
      format={ISO}
      allowEmpty={[true, true]}
      placeholder={placeholder}
      value={[value.from ? dayjs(value.from, ISO) : null, value.to ? dayjs(value.to, ISO) : null]}
      onChange={(r) => onChange({ from: r?.[0]?.format(ISO), to: r?.[1]?.format(ISO) })}
      style={{ width: 260 }}
    />
  );
}

/** One line for a failed save: the DomainError's Chinese message, or the generic sentence plus detail. */
export function errorText(error: unknown, t: TFunction): string {
  const { message, detail } = toUserFacingError(error, t);
  return detail ? `${message}（${detail}）` : message;
}

/**
 * An antd rule validating one field with its zod schema and the schema's own Chinese message. An empty
 * field (antd gives undefined or null) passes when the schema takes undefined, and otherwise gets the
 * schema's message for an empty string ("请填写情况说明") rather than a type error.
 */
export function fieldRule(schema: ZodType): FormRule {
  return {
    validator: (_rule, value: unknown) => {
      const blank = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
      if (blank && schema.safeParse(undefined).success) return Promise.resolve();
      const r = schema.safeParse(blank ? '' : value);
      return r.success ? Promise.resolve() : Promise.reject(new Error(r.error.issues[0]?.message ?? ''));
    },
  };
}
