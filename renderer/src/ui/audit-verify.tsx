import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditVerification } from '../../../shared/domain/audit-chain';
import { getDataLayer } from '../db';
import { useReportError } from './use-report-error';

export interface AuditVerifyResultProps {
  result: AuditVerification;
}

/** Green "审计链完整（N 条）" or red with the chain's own Chinese problem message. */
export function AuditVerifyResult({ result }: AuditVerifyResultProps) {
  const { t } = useTranslation('common');
  return result.ok ? (
    <Alert type="success" showIcon title={t('audit.intact', { count: result.count })} />
  ) : (
    <Alert
      type="error"
      showIcon
      title={t('audit.broken')}
      description={`${result.message}${t('audit.atSeq', { seq: result.seq })}`}
    />
  );
}

/** Runs `audit.verify()` and shows the result; used on the workbench and in 设置 → 审计记录. */
export function useAuditVerify() {
  const reportError = useReportError();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<AuditVerification | null>(null);
  const verify = async () => {
    setChecking(true);
    try {
      setResult(await getDataLayer().audit.verify());
    } catch (e) {
      reportError(e);
    } finally {
      setChecking(false);
    }
  };
  return { checking, result, verify };
}
