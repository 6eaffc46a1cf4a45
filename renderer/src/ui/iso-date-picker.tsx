import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type CSSProperties } from 'react';
import { formatChineseDate } from '../../../shared/domain/format';

const ISO = 'YYYY-MM-DD';

export interface IsoDatePickerProps {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Earliest selectable date, `YYYY-MM-DD`. */
  min?: string;
  /** Latest selectable date, `YYYY-MM-DD` (usually today: submissions and events are recorded, not planned). */
  max?: string;
  /** Defaults to the full width of the form column. */
  style?: CSSProperties;
  'aria-label'?: string;
}

/**
 * A date picker whose form value is the domain's `YYYY-MM-DD` string, so the zod schemas validate the
 * field directly. Typing `2026-10-09` works as well as picking.
 */
export function IsoDatePicker({ id, value, onChange, min, max, style, ...rest }: IsoDatePickerProps) {
  // Out-of-range days are dimmed in the calendar but stay choosable and typeable: a typed date is never
  // replaced silently; the form's dateRangeRule says what the allowed range is.
  const outside = (d: Dayjs) =>
    (min !== undefined && d.format(ISO) < min) || (max !== undefined && d.format(ISO) > max);
  return (
    <DatePicker
      id={id}
      aria-label={rest['aria-label']}
      format={ISO}
      value={value ? dayjs(value, ISO) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format(ISO) : undefined)}
      cellRender={(current, info) =>
        info.type === 'date' && dayjs.isDayjs(current) ? (
          <div className={`ant-picker-cell-inner${outside(current) ? ' jd-date-outside' : ''}`}>{current.date()}</div>
        ) : (
          info.originNode
        )
      }
      style={style ?? { width: '100%' }}
      allowClear={false}
    />
  );
}

export interface IsoRange {
  from?: string;
  to?: string;
}

export interface IsoRangePickerProps {
  value: IsoRange;
  onChange: (v: IsoRange) => void;
  placeholder: [string, string];
  'aria-label'?: string;
}

/** A from–to filter over `YYYY-MM-DD` strings; either end may be open. */
export function IsoRangePicker({ value, onChange, placeholder, 'aria-label': ariaLabel }: IsoRangePickerProps) {
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

/**
 * The allowed range of a date field as a form rule, with the range in the message (the picker itself never
 * refuses or replaces a typed date).
 */
export function dateRangeRule(o: { min?: string; max?: string; minMessage?: string; maxMessage?: string }): {
  validator: (_rule: unknown, value: unknown) => Promise<void>;
} {
  return {
    validator: (_rule, value) => {
      if (typeof value !== 'string' || !value) return Promise.resolve();
      if (o.min !== undefined && value < o.min) {
        return Promise.reject(new Error(o.minMessage ?? `日期不能早于${formatChineseDate(o.min)}`));
      }
      if (o.max !== undefined && value > o.max) {
        return Promise.reject(new Error(o.maxMessage ?? `日期不能晚于${formatChineseDate(o.max)}`));
      }
      return Promise.resolve();
    },
  };
}
