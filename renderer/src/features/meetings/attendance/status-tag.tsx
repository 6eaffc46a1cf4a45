import { Tag } from 'antd';
import type { Attendance } from '../../../../../shared/domain';
import { useMeetingsText } from '../labels';

const COLORS: Record<Attendance['status'], string> = {
  invited: 'default',
  present: 'green',
  leave: 'orange',
  absent: 'red',
  substituted: 'blue',
};

export function AttendanceStatusTag({ status }: { status: Attendance['status'] }) {
  const { t } = useMeetingsText();
  return <Tag color={COLORS[status]}>{t(`meetings:attendance.status.${status}`)}</Tag>;
}
