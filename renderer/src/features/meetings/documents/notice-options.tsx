import { DatePicker, Flex, Form, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { NoticeOptions } from './build-doc-input';
import { noticeNumberOk } from './notice-number';

export interface NoticeOptionsFieldsProps {
  value: NoticeOptions;
  onChange: (value: NoticeOptions) => void;
  /** 机关代字, shown around the number: 城综执联办〔2026〕__号. */
  prefix: string;
}

const DATE = 'YYYY-MM-DD';
const DATE_TIME = 'YYYY-MM-DD HH:mm';

/** 发文字号, 成文日期 and 回执截止 of the notice: chosen per printing, remembered when the file is saved. */
export function NoticeOptionsFields({ value, onChange, prefix }: NoticeOptionsFieldsProps) {
  const { t } = useTranslation('meeting-docs');
  const year = value.noticeDate.slice(0, 4);
  // What was typed stays as typed (no min/max/precision clamping to 1–9999): a number out of range is marked
  // with the range, and the notice cannot be built until it is corrected (noticeNumberOk).
  const numberOk = noticeNumberOk(value.noticeNumber);
  return (
    <Form layout="vertical" component="div" requiredMark={false}>
      <Flex gap={16} wrap>
        <Form.Item
          label={t('notice.number')}
          htmlFor="notice-number"
          style={{ marginBottom: 8 }}
          validateStatus={numberOk ? undefined : 'error'}
          help={numberOk ? undefined : t('notice.numberRange')}
        >
          <InputNumber<number>
            id="notice-number"
            value={value.noticeNumber ?? null}
            onChange={(n) => onChange({ ...value, noticeNumber: typeof n === 'number' ? n : undefined })}
            status={numberOk ? undefined : 'error'}
            aria-invalid={!numberOk || undefined}
            prefix={`${prefix}〔${year}〕`}
            suffix="号"
            style={{ width: 240 }}
          />
        </Form.Item>
        <Form.Item label={t('notice.date')} htmlFor="notice-date" style={{ marginBottom: 8 }}>
          <DatePicker
            id="notice-date"
            format={DATE}
            allowClear={false}
            value={dayjs(value.noticeDate, DATE)}
            onChange={(d: Dayjs | null) => d && onChange({ ...value, noticeDate: d.format(DATE) })}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item label={t('notice.replyDeadline')} htmlFor="notice-reply" style={{ marginBottom: 8 }}>
          <DatePicker
            id="notice-reply"
            showTime={{ format: 'HH:mm' }}
            format={DATE_TIME}
            value={value.replyDeadline ? dayjs(value.replyDeadline) : null}
            onChange={(d: Dayjs | null) =>
              onChange({ ...value, replyDeadline: d ? d.format('YYYY-MM-DDTHH:mm') : undefined })
            }
            placeholder={t('notice.replyNone')}
            style={{ width: 200 }}
          />
        </Form.Item>
      </Flex>
    </Form>
  );
}
