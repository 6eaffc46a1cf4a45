import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TOPIC_CATEGORIES,
  TOPIC_STATES,
  type Meeting,
  type TopicCategory,
  type TopicState,
} from '../../../../shared/domain';
import type { TopicTriageAction } from '../../db/types';
import { useAppLanguage } from '../../i18n';
import { formatDisplayDate } from '../../ui';

/** The i18n namespace of this feature (renderer/src/i18n/locales/<lng>/topics.json). */
export const TOPICS_NS = 'topics';

export type TriageActionType = TopicTriageAction['type'];

/** Translator bound to the topics namespace, plus labels for the domain enums and dates. */
export function useTopicsText() {
  const { t } = useTranslation([TOPICS_NS, 'common', 'units']);
  const lng = useAppLanguage();
  // Memoised so option lists and lookups built from these stay stable between renders.
  return useMemo(() => {
    const stateLabel = (s: TopicState): string => t(`topics:state.${s}`);
    const categoryLabel = (c: TopicCategory): string => t(`topics:category.${c}`);
    const actionLabel = (a: TriageActionType): string => t(`topics:action.${a}`);
    /** Official form in Chinese (2026年3月9日), long form in English. */
    const date = (iso: string | undefined): string => (iso ? formatDisplayDate(iso, lng) : '—');
    const meetingLabel = (m: Meeting): string =>
      t('topics:meetingLabel', {
        name:
          m.title ?? t('topics:meetingName', { year: m.year, n: m.sequence, kind: t(`topics:meetingKind.${m.kind}`) }),
        date: formatDisplayDate(m.startsAt.slice(0, 10), lng),
      });
    return {
      t,
      lng,
      date,
      stateLabel,
      categoryLabel,
      actionLabel,
      meetingLabel,
      stateOptions: TOPIC_STATES.map((value) => ({ value, label: stateLabel(value) })),
      categoryOptions: TOPIC_CATEGORIES.map((value) => ({ value, label: categoryLabel(value) })),
    };
  }, [t, lng]);
}

export type TopicsText = ReturnType<typeof useTopicsText>;
