import { Tag } from 'antd';
import type { DisputeState } from '../../../../shared/domain';
import { useDisputesText } from './labels';

const COLOR: Record<DisputeState, string> = {
  registered: 'default',
  // Not 'processing': the app's navy colorInfo turns antd's derived info colours a murky grey.
  negotiating: 'blue',
  agreed: 'green',
  escalated: 'orange',
  designated: 'purple',
  closed: 'default',
};

/** The dispute state as a coloured tag (登记 / 协商中 / 协商一致 / 提请区政府协调 / 已指定管辖 / 已结案). */
export function DisputeStateTag({ state }: { state: DisputeState }) {
  const { stateLabel } = useDisputesText();
  return (
    <Tag color={COLOR[state]} data-state={state}>
      {stateLabel(state)}
    </Tag>
  );
}
