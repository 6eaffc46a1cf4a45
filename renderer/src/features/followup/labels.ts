import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting, ResolutionState } from '../../../../shared/domain';
import { useAppLanguage } from '../../i18n';
import { formatDisplayDate } from '../../ui/format';
import { meetingOfficialName } from '../meetings/labels';

/** The i18n namespace of this feature (renderer/src/i18n/locales/<lng>/followup.json). */
export const FOLLOWUP_NS = 'followup';

/** The four main states a task moves through after 印发, in board order (draft is not a task yet). */
export const TASK_BOARD_STATES = ['not_started', 'in_progress', 'done_pending_verification', 'verified'] as const;
export type TaskBoardState = (typeof TASK_BOARD_STATES)[number];

/** Translator bound to the followup namespace, plus labels for states, dates and source meetings. */
export function useFollowupText() {
  const { t } = useTranslation([FOLLOWUP_NS, 'common', 'meetings']);
  const lng = useAppLanguage();
  return useMemo(() => {
    const zh = lng.startsWith('zh');
    /** Official form in Chinese (2026年3月9日), long form in English; — when absent. */
    const date = (iso: string | undefined): string => (iso ? formatDisplayDate(iso.slice(0, 10), lng) : '—');
    const stateLabel = (s: ResolutionState): string => t(`followup:state.${s}`);
    /** 2026年第三次定期联席会议 (a readable equivalent in English). */
    const meetingName = (m: Pick<Meeting, 'year' | 'sequence' | 'kind'>): string =>
      zh
        ? meetingOfficialName(m)
        : t('meetings:officialName', { year: m.year, n: m.sequence, kind: t(`meetings:kind.${m.kind}`) });
    return {
      t,
      lng,
      date,
      stateLabel,
      meetingName,
      stateOptions: TASK_BOARD_STATES.map((value) => ({ value, label: stateLabel(value) })),
    };
  }, [t, lng]);
}

export type FollowupText = ReturnType<typeof useFollowupText>;
