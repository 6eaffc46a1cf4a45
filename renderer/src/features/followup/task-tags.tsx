import { Tag, Tooltip } from 'antd';
import type { Resolution, ResolutionState } from '../../../../shared/domain';
import type { TaskRow } from './use-followup';
import { useFollowupText } from './labels';

const STATE_COLOR: Record<ResolutionState, string> = {
  draft: 'default',
  not_started: 'default',
  in_progress: 'processing',
  done_pending_verification: 'purple',
  verified: 'success',
};

/** 未启动 / 办理中 / 已办结待核验 / 已核验办结 (逾期 is not a state: see {@link WarningTag}). */
export function TaskStateTag({ state }: { state: ResolutionState }) {
  const { stateLabel } = useFollowupText();
  return (
    <Tag color={STATE_COLOR[state]} data-testid="task-state">
      {stateLabel(state)}
    </Tag>
  );
}

/**
 * The derived warning: 临期 (orange, with the working days left), 逾期 (red); nothing when on time or
 * closed. 暂定 (a deadline computed beyond the known holiday calendar) is shown beside it.
 */
export function WarningTag({ warning }: { warning: TaskRow['warning'] }) {
  const { t } = useFollowupText();
  const provisional = warning.provisional && warning.level !== 'closed' ? <ProvisionalTag /> : null;
  if (warning.level === 'due_soon') {
    const left = warning.workingDaysLeft;
    return (
      <>
        <Tag color="orange" data-testid="task-warning" data-level="due_soon">
          {left === undefined
            ? t('followup:warning.dueSoon')
            : left === 0
              ? t('followup:warning.dueToday')
              : t('followup:warning.dueSoonDays', { count: left })}
        </Tag>
        {provisional}
      </>
    );
  }
  if (warning.level === 'overdue') {
    return (
      <>
        <Tag color="red" data-testid="task-warning" data-level="overdue">
          {warning.overdueDays
            ? t('followup:warning.overdueDays', { count: warning.overdueDays })
            : t('followup:warning.overdue')}
        </Tag>
        {provisional}
      </>
    );
  }
  return provisional;
}

/** 暂定, with why. */
export function ProvisionalTag() {
  const { t } = useFollowupText();
  return (
    <Tooltip title={t('followup:warning.provisionalHint')}>
      <Tag color="gold" data-testid="task-provisional">
        {t('followup:warning.provisional')}
      </Tag>
    </Tooltip>
  );
}

/** The side records, which never change the main state: 延期申请 and 不能办结 (提交党政联席会议). */
export function SideRecordTags({ resolution: r }: { resolution: Resolution }) {
  const { t } = useFollowupText();
  return (
    <>
      {r.extension?.state === 'pending' ? <Tag color="blue">{t('followup:side.extensionPending')}</Tag> : null}
      {r.cannotComplete ? (
        <Tag color="volcano">
          {r.cannotComplete.escalated ? t('followup:side.escalated') : t('followup:side.cannotComplete')}
        </Tag>
      ) : null}
    </>
  );
}
