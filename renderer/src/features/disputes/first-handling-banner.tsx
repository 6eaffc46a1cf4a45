import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import type { Dispute } from '../../../../shared/domain';
import { useDisputesText } from './labels';

/**
 * The seed's rule (争议协调处理制度): the first-handling unit must not stop enforcing because of the
 * dispute. Shown at the top of every open dispute so nobody reads the dispute as a reason to wait.
 */
export function FirstHandlingBanner({ dispute, unitName }: { dispute: Dispute; unitName: string }) {
  const { t } = useDisputesText();
  const open = dispute.state !== 'closed';
  return (
    <Alert
      className="jd-first-handling"
      type={open ? 'warning' : 'success'}
      showIcon
      icon={<SafetyCertificateOutlined />}
      style={open ? { marginBottom: 16 } : { marginBottom: 16, background: '#f6f7f9', borderColor: '#e5e8ee' }}
      title={<strong style={{ fontSize: 16 }}>{t('disputes:banner.title', { unit: unitName })}</strong>}
      description={open ? t('disputes:banner.rule') : t('disputes:banner.closed')}
    />
  );
}
