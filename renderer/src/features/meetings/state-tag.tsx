import { Tag } from 'antd';
import type { MeetingState } from '../../../../shared/domain';
import { useMeetingsText } from './labels';

/** Colours follow the meeting's life: blue while prepared, green once held, purple for the minutes, grey when over. */
const COLORS: Record<MeetingState, string> = {
  planning: 'blue',
  notified: 'cyan',
  held: 'green',
  drafting: 'gold',
  signed: 'purple',
  issued: 'default',
  cancelled: 'red',
};

export function MeetingStateTag({ state }: { state: MeetingState }) {
  const { stateLabel } = useMeetingsText();
  return <Tag color={COLORS[state]}>{stateLabel(state)}</Tag>;
}

export function meetingStateColor(state: MeetingState): string {
  return COLORS[state];
}
