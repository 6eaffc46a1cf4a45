import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditVerification } from '../../../shared/domain/audit-chain';
import { getDatabase } from '../db';
import { readAuditCheckpoint, saveAuditCheckpoint } from '../db/audit-checkpoint';
import { auditVerifyInputs } from '../db/audit-session';
import { runAuditVerify } from '../db/audit-worker/run-verify';

/** After the first screen has had its turn (the check reads in chunks and yields, but starts later). */
const START_DELAY_MS = 1_500;

/**
 * The audit trail checked on its own at every start (AUD): from the checkpoint kept outside the database
 * (only the entries since the last check that passed are hashed; the checkpoint's entry must be as it
 * was), or in full when there is none (first start, after a restore). A break is said unprompted, above
 * every screen, until a check passes again; a pass moves the checkpoint to the new head. In Electron the check
 * also compares the chain with main's head file and checks every entry's mac from the keyed seq on.
 */
export function AuditStartCheck() {
  const { t } = useTranslation('common');
  const [broken, setBroken] = useState<Extract<AuditVerification, { ok: false }> | null>(null);
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      const dbName = getDatabase().name;
      const from = readAuditCheckpoint(dbName);
      // In the audit worker (the page only gets the verified prefixes and the result); on the page's thread
      // where there is no Worker.
      // Each verified chunk moves the checkpoint: a start closed before the check ends resumes there.
      // Electron: also against main's head file, and every mac from the keyed seq on (audit-session.ts).
      auditVerifyInputs(dbName)
        .then((keyed) =>
          runAuditVerify(getDatabase(), [], {
            ...(from ? { from } : {}),
            ...(keyed ? { keyed } : {}),
            onVerified: (head) => {
              if (!cancelled) saveAuditCheckpoint(dbName, head, new Date());
            },
          }),
        )
        .then((result) => {
          if (cancelled) return;
          if (result.ok) saveAuditCheckpoint(dbName, result.head ?? from, new Date());
          else setBroken(result);
        })
        .catch(() => undefined); // a read that fails is the database gate's business, not this check's
    }, START_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, []);
  if (!broken) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="jd-storage-notice"
      data-testid="audit-start-check"
      title={t('audit.startBroken')}
      description={
        <>
          {`${broken.message}${broken.seq > 0 ? t('audit.atSeq', { seq: broken.seq }) : ''}`}{' '}
          <Link to="/settings">{t('audit.startWhatToDo')}</Link>
        </>
      }
    />
  );
}
