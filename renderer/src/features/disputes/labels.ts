import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  meetingOfficialName,
  DISPUTE_STATES,
  DISPUTE_TYPES,
  type DisputeActionType,
  type DisputeState,
  type DisputeType,
  type Meeting,
  type StuckReason,
  type StuckSuggestion,
} from '../../../../shared/domain';
import { useAppLanguage } from '../../i18n';
import { formatDisplayDate } from '../../ui';

/** The i18n namespace of this feature (renderer/src/i18n/locales/<lng>/disputes.json). */
export const DISPUTES_NS = 'disputes';

/** Translator bound to the disputes namespace, plus labels for the domain enums and dates. */
export function useDisputesText() {
  const { t } = useTranslation([DISPUTES_NS, 'common', 'units']);
  const lng = useAppLanguage();
  // Memoised so lists and lookups built from these functions are stable between renders.
  return useMemo(() => {
    const stateLabel = (s: DisputeState): string => t(`disputes:state.${s}`);
    const typeLabel = (s: DisputeType): string => t(`disputes:type.${s}`);
    const actionLabel = (a: DisputeActionType): string => t(`disputes:action.${a}`);
    /** Official form in Chinese (2026年3月9日), long form in English. */
    const date = (iso: string | undefined): string => (iso ? formatDisplayDate(iso, lng) : '—');
    /** 2026年第四次定期联席会议（2026年12月20日） or the meeting's own title with its date. */
    const meetingLabel = (m: Meeting): string =>
      t('disputes:meetingLabel', {
        name:
          m.title ??
          (lng.startsWith('zh')
            ? meetingOfficialName(m)
            : t('disputes:meetingName', { year: m.year, n: m.sequence, kind: t(`disputes:meetingKind.${m.kind}`) })),
        date: formatDisplayDate(m.startsAt.slice(0, 10), lng),
      });
    /** One stuck reason, worded (登记已 12 天仍未组织协商). */
    const stuckReason = (r: StuckReason): string =>
      t(`disputes:stuck.reason.${r.code}`, { days: r.days, state: r.code === 'not_closed' ? stateLabel(r.state) : '' });
    const stuckSuggestion = (s: StuckSuggestion): string => t(`disputes:stuck.suggestion.${s}`);
    return {
      t,
      lng,
      date,
      stuckReason,
      stuckSuggestion,
      stateLabel,
      typeLabel,
      actionLabel,
      meetingLabel,
      stateOptions: DISPUTE_STATES.map((value) => ({ value, label: stateLabel(value) })),
      typeOptions: DISPUTE_TYPES.map((value) => ({ value, label: typeLabel(value) })),
    };
  }, [t, lng]);
}

export type DisputesText = ReturnType<typeof useDisputesText>;
