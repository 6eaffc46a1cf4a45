import { Alert, Progress } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditVerification } from '../../../shared/domain/audit-chain';
import { getDatabase } from '../db';
import { readAuditCheckpoint, saveAuditCheckpoint } from '../db/audit-checkpoint';
import { auditVerifyInputs } from '../db/audit-session';
import { runAuditVerify } from '../db/audit-worker/run-verify';
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
      description={`${result.message}${result.seq > 0 ? t('audit.atSeq', { seq: result.seq }) : ''}`}
    />
  );
}

/** The verification's progress bar while it runs (it reads the chain in chunks, see audit.verify). */
export function AuditVerifyProgress({ progress }: { progress: { done: number; total: number } | null }) {
  const { t } = useTranslation('common');
  if (!progress || progress.total === 0) return null;
  return (
    <Progress
      percent={Math.min(100, Math.floor((progress.done / progress.total) * 100))}
      size="small"
      status="active"
      format={() => t('audit.progress', { done: progress.done, total: progress.total })}
    />
  );
}

/** Runs `audit.verify()` with progress and shows the result; used on the workbench and in 设置 → 审计记录. */
export function useAuditVerify() {
  const reportError = useReportError();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const verify = async () => {
    setChecking(true);
    setProgress(null);
    try {
      // The full chain, also against the checkpoint kept outside the database (truncation, whole rewrite).
      const dbName = getDatabase().name;
      const checkpoint = readAuditCheckpoint(dbName);
      // In the audit worker: the page only shows its progress (on the page's thread where there is none).
      // Electron: also main's head file and the entries' macs (audit-session.ts).
      const keyed = await auditVerifyInputs(dbName);
      const r = await runAuditVerify(getDatabase(), checkpoint ? [checkpoint] : [], {
        onProgress: (done, total) => setProgress({ done, total }),
        ...(keyed ? { keyed } : {}),
      });
      if (r.ok) saveAuditCheckpoint(dbName, r.head, new Date());
      setResult(r);
    } catch (e) {
      reportError(e);
    } finally {
      setChecking(false);
      setProgress(null);
    }
  };
  return { checking, result, verify, progress };
}
