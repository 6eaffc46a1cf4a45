export { useAuditEntries } from './use-audit-entries';
export { useIsDatabaseEmpty } from './use-is-database-empty';
export { usePeople } from './use-people';
export { useCurrentProfile, useProfiles, type CurrentProfileState } from './use-profiles';
export { useActiveRuleProfile, useRuleProfiles } from './use-rule-profiles';
export { useUnit, useUnits } from './use-units';
export {
  useChairReview,
  useChairReviewPage,
  useDispute,
  useDisputeLookups,
  useDisputePage,
  useDisputes,
  useDisputeStateCounts,
  useDisputeThresholds,
  useTopicOptions,
} from './use-disputes';
export {
  useAgenda,
  useAgendaProposals,
  useAttendance,
  useMeeting,
  useMeetings,
  useNextMeetingSequence,
} from './use-meetings';
export { useAttachments, useMergedInto, useMergeTargets, useTopic, useTopics, useTopicView } from './use-topics';
export { useCalendar, type CalendarState } from './use-calendar';
export { useMinutesWording } from './use-minutes-wording';
export { useMinutesForMeeting, useMinutesResolutions, useMinutesVersions } from './use-minutes';
export { usePermission, usePermissions } from './use-permission';
