import { DatePicker } from 'antd';
import type { TFunction } from 'i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { toUserFacingError } from '../../ui';

const ISO = 'YYYY-MM-DD';

export interface IsoDatePickerProps {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Earliest selectable date, `YYYY-MM-DD`. */
  min?: string;
  /** Latest selectable date, `YYYY-MM-DD` (usually today: events are recorded, not planned). */
  max?: string;
  'aria-label'?: string;
}

/**
 * A date picker whose form value is the domain's `YYYY-MM-DD` string, so the zod schemas validate the
 * field directly. Typing `2026-10-09` works as well as picking.
 */
export function IsoDatePicker({ id, value, onChange, min, max, ...rest }: IsoDatePickerProps) {
  const disabledDate = (d: Dayjs) =>
    (min !== undefined && d.format(ISO) < min) || (max !== undefined && d.format(ISO) > max);
  return (
    <DatePicker
      id={id}
      aria-label={rest['aria-label']}
      format={ISO}
      value={value ? dayjs(value, ISO) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format(ISO) : undefined)}
      disabledDate={disabledDate}
      style={{ width: 200 }}
      allowClear={false}
    />
  );
}

/** One line for a failed save: the DomainError's Chinese message, or the generic sentence plus detail. */
export function errorText(error: unknown, t: TFunction): string {
  const { message, detail } = toUserFacingError(error, t);
  return detail ? `${message}（${detail}）` : message;
}
