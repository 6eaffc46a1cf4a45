import type { TaskEvent } from '../../../../shared/domain';
import { isEscalationEvent } from '../../../../shared/domain';
import type { FollowupText } from './labels';

/** What an event is, in a few words: 报送进展 / 催办 / 核验通过 / 提交党政联席会议 … */
export function latestText(e: TaskEvent, { t }: Pick<FollowupText, 't'>): string {
  switch (e.kind) {
    case 'verification':
      // Older records (and the demo's) carry no `approved` on a passed verification: only false means failed.
      return e.approved === false ? t('followup:event.verificationFailed') : t('followup:event.verificationPassed');
    case 'extension':
      return e.approved === false ? t('followup:event.extensionRefused') : t('followup:event.extension');
    case 'cannot_complete':
      return isEscalationEvent(e) ? t('followup:event.escalation') : t('followup:event.cannot_complete');
    default:
      return t(`followup:event.${e.kind}`);
  }
}
