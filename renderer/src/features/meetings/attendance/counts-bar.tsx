import { Flex, Statistic } from 'antd';
import type { AttendanceCounts } from './counts';
import { useMeetingsText } from '../labels';

/** 应到 / 实到 / 请假 / 缺席 / 未到 / 列席 as large figures, for the office and the chair on the day. */
export function CountsBar({ counts }: { counts: AttendanceCounts }) {
  const { t } = useMeetingsText();
  const items: [string, number, string?][] = [
    [t('meetings:attendance.count.expected'), counts.expected],
    [
      t('meetings:attendance.count.present'),
      counts.present,
      counts.substituted > 0
        ? t('meetings:attendance.count.withSubstitutes', { count: counts.substituted })
        : undefined,
    ],
    [t('meetings:attendance.count.leave'), counts.leave],
    [t('meetings:attendance.count.absent'), counts.absent],
    [t('meetings:attendance.count.pending'), counts.pending],
    [t('meetings:attendance.count.observers'), counts.observers],
  ];
  return (
    <Flex gap={32} wrap data-testid="attendance-counts" style={{ marginBottom: 12 }}>
      {items.map(([title, value, suffix]) => (
        <Statistic
          key={title}
          title={title}
          value={value}
          suffix={suffix ? <span style={{ fontSize: 12 }}>{suffix}</span> : undefined}
        />
      ))}
    </Flex>
  );
}
