import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MEETING_KINDS,
  MEETING_STATES,
  formatChineseDateTime,
  distinctTitle,
  meetingOfficialName,
  ordinalSession,
  type Meeting,
  type MeetingKind,
  type MeetingState,
} from '../../../../shared/domain';
import { useAppLanguage } from '../../i18n';
import { formatDisplayDate } from '../../ui/format';

/** The i18n namespace of this feature (renderer/src/i18n/locales/<lng>/meetings.json). */
export const MEETINGS_NS = 'meetings';

/** 2026年第三次定期联席会议 — the official name (the one formatter in shared/domain/meeting-names.ts). */
export { meetingOfficialName };

/** A title worth showing beside the official name (shared/domain/meeting-names.ts). */
export { distinctTitle };

/** `2026-03-09T09:00` as a dayjs value for pickers, and back. */
export function startsAtToDayjs(startsAt: string): dayjs.Dayjs {
  return dayjs(startsAt, 'YYYY-MM-DDTHH:mm');
}
export function dayjsToStartsAt(d: dayjs.Dayjs): string {
  return d.format('YYYY-MM-DDTHH:mm');
}

/** Translator bound to the meetings namespace, plus labels for the domain enums, names and times. */
export function useMeetingsText() {
  const { t } = useTranslation([MEETINGS_NS, 'common', 'units']);
  const lng = useAppLanguage();
  return useMemo(() => {
    const zh = lng.startsWith('zh');
    const kindLabel = (k: MeetingKind): string => t(`meetings:kind.${k}`);
    const stateLabel = (s: MeetingState): string => t(`meetings:state.${s}`);
    /** Official form in Chinese (2026年第三次定期联席会议); a readable equivalent in English. */
    const officialName = (m: Pick<Meeting, 'year' | 'sequence' | 'kind'>): string =>
      zh
        ? meetingOfficialName(m)
        : t('meetings:officialName', { year: m.year, n: m.sequence, kind: kindLabel(m.kind) });
    /** 第三次 / No. 3 */
    const ordinal = (n: number): string => (zh ? ordinalSession(n) : t('meetings:ordinal', { n }));
    /** 2026年3月9日上午9:00 / March 9, 2026 9:00 AM */
    const dateTime = (startsAt: string): string =>
      zh ? formatChineseDateTime(startsAt) : dayjs(startsAt).locale('en').format('MMMM D, YYYY h:mm A');
    const date = (iso: string): string => formatDisplayDate(iso.slice(0, 10), lng);
    const time = (startsAt: string): string => startsAt.slice(11, 16);
    return {
      t,
      lng,
      zh,
      kindLabel,
      stateLabel,
      officialName,
      ordinal,
      dateTime,
      date,
      time,
      kindOptions: MEETING_KINDS.map((value) => ({ value, label: kindLabel(value) })),
      stateOptions: MEETING_STATES.map((value) => ({ value, label: stateLabel(value) })),
    };
  }, [t, lng]);
}

export type MeetingsText = ReturnType<typeof useMeetingsText>;
