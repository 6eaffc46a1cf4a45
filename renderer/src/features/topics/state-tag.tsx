import { Tag } from 'antd';
import type { TopicState } from '../../../../shared/domain';
import { useTopicsText } from './labels';

const COLOR: Record<TopicState, string> = {
  submitted: 'gold',
  accepted: 'blue',
  returned: 'red',
  // A preset colour: the plain default tag all but disappears inside the page title.
  merged: 'volcano',
  converted: 'purple',
  scheduled: 'cyan',
  discussed: 'geekblue',
  resolved: 'green',
  deferred: 'orange',
  escalated: 'magenta',
};

/** The topic state as a coloured tag (待审核 / 已受理 / 退回 …). */
export function TopicStateTag({ state }: { state: TopicState }) {
  const { stateLabel } = useTopicsText();
  return (
    <Tag color={COLOR[state]} data-state={state} style={{ marginInlineEnd: 0 }}>
      {stateLabel(state)}
    </Tag>
  );
}
