import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { handlingNotice, type Dispute } from '../../../../shared/domain';
import { useDisputesText } from './labels';

/**
 * The seed's rule (争议协调处理制度): the first-handling unit must not stop enforcing because of the
 * dispute. Shown at the top of every open dispute so nobody reads the dispute as a reason to wait.
 */
export function FirstHandlingBanner({
  dispute,
  unitName,
}: {
  dispute: Dispute;
  /** Name of a unit by id. */
  unitName: (id: string) => string;
}) {
  const { t, date } = useDisputesText();
  const notice = handlingNotice(dispute);
  if (notice.kind === 'designated') {
    return (
      <Alert
        className="jd-first-handling"
        data-testid="handling-banner"
        type={notice.closed ? 'success' : 'info'}
        showIcon
        icon={<SafetyCertificateOutlined />}
        style={{ marginBottom: 16 }}
        title={
          <strong style={{ fontSize: 16 }}>
            {t('disputes:banner.designatedTitle', { unit: unitName(notice.unitId) })}
          </strong>
        }
        description={t('disputes:banner.designatedRule', { date: notice.on ? date(notice.on) : '' })}
      />
    );
  }
  const open = notice.kind === 'first_handling';
  return (
    <Alert
      className="jd-first-handling"
      data-testid="handling-banner"
      type={open ? 'warning' : 'success'}
      showIcon
      icon={<SafetyCertificateOutlined />}
      style={open ? { marginBottom: 16 } : { marginBottom: 16, background: '#f6f7f9', borderColor: '#e5e8ee' }}
      title={<strong style={{ fontSize: 16 }}>{t('disputes:banner.title', { unit: unitName(notice.unitId) })}</strong>}
      description={open ? t('disputes:banner.rule') : t('disputes:banner.closed')}
    />
  );
}
