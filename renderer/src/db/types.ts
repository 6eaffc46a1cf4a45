import type {
  AgendaItem,
  Attendance,
  AttendanceGuestInput,
  AuditAnchor,
  AuditKeyedCheck,
  AuditEntry,
  AuditVerification,
  AuditedEntity,
  Dispute,
  DisputeAction,
  DisputeState,
  DisputeType,
  Meeting,
  MeetingKind,
  MeetingState,
  Person,
  RuleProfile,
  StandingItemProposal,
  StandingItemView,
  StuckThresholds,
  ChairReviewRow,
  Attachment,
  Complainant,
  Topic,
  TopicCategory,
  TopicState,
  Unit,
  UserProfile,
} from '../../../shared/domain';
import type { Dataset } from '../../../shared/demo/types';
import type { ValidatedUnitsPeople } from '../../../shared/import/types';
import type { CalendarRepository } from './repositories/calendar';
import type { MinutesRepository } from './repositories/minutes';
import type { DocumentSettingsRepository } from './repositories/document-settings';
import type { FollowupRepository } from './repositories/followup';
import type { HomeRepository } from './repositories/home';
import type { MinutesTemplateRepository } from './repositories/minutes-template';
import type { StatisticsRepository } from './repositories/statistics';

export interface UnitListFilter {
  includeArchived?: boolean;
  /** Case-insensitive substring of name, short name, liaison name or liaison phone. */
  search?: string;
}

export interface PersonListFilter {
  includeArchived?: boolean;
  /** Case-insensitive substring of name, post or phone. */
  search?: string;
  unitId?: string;
}

export interface AuditListFilter {
  entity?: AuditedEntity;
  entityId?: string;
  limit?: number;
}

/** `input` parameters are `unknown` on purpose: every write validates with the shared zod schema. */
export interface UnitsRepository {
  /** Sorted by kind (UNIT_KINDS order), then name (zh-CN collation). Archived ones only on request. */
  list(filter?: UnitListFilter): Promise<Unit[]>;
  get(id: string): Promise<Unit | undefined>;
  create(input: unknown): Promise<Unit>;
  /** `input` is a UnitInput; keys left out keep their stored value. */
  update(id: string, input: unknown): Promise<Unit>;
  archive(id: string): Promise<Unit>;
  restore(id: string): Promise<Unit>;
  /** Refused with DomainError('referenced') while anything refers to the unit: archive it instead. */
  remove(id: string): Promise<void>;
  /** Records (people, topics, disputes, resolutions, agenda items) that refer to the unit. */
  referenceCount(id: string): Promise<number>;
}

export interface PeopleRepository {
  /** Sorted by joint-meeting role (MEETING_ROLES order), then name (zh-CN collation). */
  list(filter?: PersonListFilter): Promise<Person[]>;
  get(id: string): Promise<Person | undefined>;
  create(input: unknown): Promise<Person>;
  /** `input` is a PersonInput; keys left out keep their stored value. */
  update(id: string, input: unknown): Promise<Person>;
  archive(id: string): Promise<Person>;
  restore(id: string): Promise<Person>;
  /** Refused with DomainError('referenced') while attendance, topics or meetings refer to the person. */
  remove(id: string): Promise<void>;
  referenceCount(id: string): Promise<number>;
}

export interface ProfilesRepository {
  /** Oldest first. */
  list(): Promise<UserProfile[]>;
  current(): Promise<UserProfile | undefined>;
  /** Creates the profile and makes it current; audited with itself as actor. */
  create(input: unknown): Promise<UserProfile>;
  /** Audited (settings 'profile.current') with the new profile as actor. */
  switchTo(id: string): Promise<UserProfile>;
  /** 所属成员单位 (a liaison reports only on this unit's tasks); `undefined` clears it. Self or office only. */
  setUnit(id: string, unitId: string | undefined): Promise<UserProfile>;
}

export interface RulesRepository {
  /** RULE_PRESETS, then custom profiles by name. */
  list(): Promise<RuleProfile[]>;
  /** The active profile; the first preset until one is chosen. */
  active(): Promise<RuleProfile>;
  setActive(id: string): Promise<void>;
  /** `{ id?, name, values }`: creates (no/unknown id) or updates a custom profile. Presets are read-only. */
  saveCustom(input: unknown): Promise<RuleProfile>;
  /** Refused for presets and for the active profile. */
  removeCustom(id: string): Promise<void>;
}

export interface AuditRepository {
  /** Newest first. */
  list(filter?: AuditListFilter): Promise<AuditEntry[]>;
  /** Checks the whole chain against the stored anchor and any `extraAnchors` (from backups, exports). */
  /** Chunked, yielding between chunks; `onProgress(done, total)` after each. */
  verify(
    extraAnchors?: readonly AuditAnchor[],
    onProgress?: (done: number, total: number) => void,
    /**
     * `from`: a checkpoint kept outside the database (the head of the last verification that passed): its
     * entry is checked, then only the entries after it are verified (`count` then counts those).
     */
    options?: {
      from?: AuditAnchor;
      /** After each chunk that passed: the last entry of the verified prefix (a checkpoint to resume from). */
      onVerified?: (prefixHead: AuditAnchor) => void;
      /** Electron: main's head file and the audit key (audit-session.ts auditVerifyInputs). */
      keyed?: AuditKeyedCheck & { fileProblem?: string };
    },
  ): Promise<AuditVerification>;
  head(): Promise<AuditAnchor | null>;
  count(): Promise<number>;
}

export interface DemoRepository {
  /** No units and no people. */
  isEmpty(): Promise<boolean>;
  /** One transaction; validates every record; refuses a non-empty database; one audit entry per record. */
  load(dataset: Dataset): Promise<{ records: number }>;
}

export interface ImporterRepository {
  /** One transaction: any bad row (named in the error) leaves the database untouched. */
  unitsAndPeople(data: ValidatedUnitsPeople): Promise<{ units: number; people: number }>;
}

export interface DisputeListFilter {
  /** Any of these states (all when absent or empty). */
  states?: readonly DisputeState[];
  type?: DisputeType;
  /** Case-insensitive substring of number, matter, place, related case or a party's name. */
  search?: string;
}

/** One page of a register list: `offset`, then up to `limit` rows. */
export interface PageRequest {
  offset: number;
  limit: number;
}

/** The order of the dispute register: by registration (newest or oldest first) or by rounds of negotiation. */
export type DisputeListOrder = 'newest' | 'oldest' | 'rounds-asc' | 'rounds-desc';

/** One page of a list and how many rows the whole (filtered) list holds. */
export interface ListPage<T> {
  rows: T[];
  total: number;
}

/** The chair's review as read on `today`. */
export interface ChairReview {
  today: string;
  thresholds: StuckThresholds;
  rows: ChairReviewRow[];
  stuck: number;
}

/** One page of the chair's review: the page's rows (assessed), how many disputes are open and how many stuck. */
export interface ChairReviewPage extends ChairReview {
  /** Open disputes in all. */
  total: number;
}

/** Records a dispute form offers to link to. */
export interface DisputeLookups {
  /** Newest first. */
  meetings: Meeting[];
}

/** A topic a dispute may link to, as the picker shows it. */
export interface TopicOption {
  id: string;
  title: string;
}

/** `input` parameters are `unknown` on purpose: every write validates with the shared zod schema. */
export interface DisputesRepository {
  /** Newest registration first. */
  list(filter?: DisputeListFilter): Promise<Dispute[]>;
  /**
   * One page of `list(filter)` in `order` (default newest first) and the list's length. Unfiltered and by
   * registration, only the page (and its ties on the registration day) is read through the registeredOn index
   * and the total is the table's count; otherwise the filtered list is read and sliced.
   */
  page(filter: DisputeListFilter, page: PageRequest, order?: DisputeListOrder): Promise<ListPage<Dispute>>;
  /** Disputes per state, counted on the state index (no rows read). */
  stateCounts(): Promise<Record<DisputeState, number>>;
  get(id: string): Promise<Dispute | undefined>;
  /** 主任审阅: open disputes (state index) oldest first, each assessed on today with the thresholds. */
  review(): Promise<ChairReview>;
  /**
   * One page of {@link review}'s rows in its order, with the open and stuck counts: the order comes from the keys
   * of the `[state+registeredOn+number]` index, the stuck count from `[state+stateSince]` counts (plus the
   * recently negotiating rows, assessed for their last round); only the page's rows are read and assessed.
   */
  reviewPage(page: PageRequest): Promise<ChairReviewPage>;
  /** `input` is a DisputeInput; assigns 争〔年〕N号 and state 'registered'. Audited 'create'. */
  register(input: unknown): Promise<Dispute>;
  /** Edits the registration fields (DisputeInput, keys left out keep their value); refused once closed. */
  update(id: string, patch: unknown): Promise<Dispute>;
  /** Applies `transitionDispute`; audited 'transition' with `reason` (a reopen's own reason when absent). */
  act(id: string, action: DisputeAction, reason?: string): Promise<Dispute>;
  /** Earliest meeting in planning/notified whose date is on or after `on` (default: today). */
  nextMeeting(on?: string): Promise<Meeting | undefined>;
  /** Sets `agendaMeetingId`; the meeting must still be planning or notified. Audited 'update'. */
  putOnAgenda(id: string, meetingId: string): Promise<{ dispute: Dispute; meeting: Meeting }>;
  /** {@link putOnAgenda} with {@link nextMeeting}; refused with a message saying what to do when there is none. */
  putOnNextAgenda(id: string): Promise<{ dispute: Dispute; meeting: Meeting }>;
  /** Open disputes put on that meeting's agenda, oldest first (the agenda's dispute item). */
  onAgenda(meetingId: string): Promise<Dispute[]>;
  lookups(): Promise<DisputeLookups>;
  /**
   * Topics to link a dispute to, newest first, at most TOPIC_OPTION_LIMIT whose title contains `search`;
   * `includeId` (the topic already linked) comes first even when it is not among them.
   */
  topicOptions(query?: { search?: string; includeId?: string }): Promise<TopicOption[]>;
  /**
   * Audits a saved export (AUD-1): the application of one dispute (entity 'dispute', action 'export'),
   * or the whole ledger (entity 'system', id 'disputes.ledger').
   */
  recordExport(target: { disputeId: string } | 'ledger', fileName: string): Promise<void>;
  /** Chair's-review thresholds (defaults until set). */
  thresholds(): Promise<StuckThresholds>;
  /** Audited as entity 'settings', id 'disputes.thresholds'. */
  setThresholds(input: unknown): Promise<StuckThresholds>;
}

export interface MeetingListFilter {
  year?: number;
  kind?: MeetingKind;
  /** Any of these states (all when absent or empty). */
  states?: readonly MeetingState[];
}

/** `input` parameters are `unknown` on purpose: every write validates with the shared zod schema. */
export interface MeetingsRepository {
  /** Newest first (by date and time). */
  list(filter?: MeetingListFilter): Promise<Meeting[]>;
  get(id: string): Promise<Meeting | undefined>;
  /** The 第N次 a new meeting of that year and kind would get now. */
  nextSequence(year: number, kind: MeetingKind): Promise<number>;
  /**
   * `input` is a MeetingInput. One transaction: numbers it (per year and kind), state 'planning', and
   * invites every active person with a joint-meeting role. Audited (meeting + one entry per invitee).
   */
  create(input: unknown): Promise<Meeting>;
  /** MeetingInput keys left out keep their value; only while planning or notified. Audited 'update'. */
  update(id: string, patch: unknown): Promise<Meeting>;
  /**
   * Applies `transitionMeeting` (by hand: 筹备/已通知/已召开/已取消; the later states follow the minutes).
   * Cancelling unschedules its topics; 已召开 moves its scheduled topics to 已上会 and freezes its standing
   * items (snapshot), all in one transaction. Audited.
   */
  transition(id: string, to: MeetingState, reason?: string): Promise<Meeting>;
}

export type AttendanceMark = 'invited' | 'present' | 'leave' | 'absent';

export interface AttendanceRepository {
  /** Non-observers first, then by joint-meeting role and name. */
  list(meetingId: string): Promise<Attendance[]>;
  /** 列席: any active person not yet on the list. */
  addObserver(meetingId: string, personId: string): Promise<Attendance>;
  /** An extra invitee (出席) not invited by default. */
  addInvitee(meetingId: string, personId: string): Promise<Attendance>;
  /**
   * 列席来宾: a named guest who is not registered (姓名, 单位, 职务 as typed); always 列席, audited. The same
   * name and unit twice on one meeting is refused (DomainError 'conflict').
   */
  addGuest(meetingId: string, guest: AttendanceGuestInput): Promise<Attendance>;
  /** Takes a person or a guest off the list (not once they signed in). */
  remove(id: string): Promise<void>;
  /** 'leave' needs `reason` (请填写请假原因); 'invited' undoes a mark. */
  setStatus(id: string, status: AttendanceMark, reason?: string): Promise<Attendance>;
  /** 代会: a colleague (person) or a typed name attends for the invitee. */
  setSubstitute(
    id: string,
    sub: { substitutePersonId?: string; substituteName?: string; reason?: string },
  ): Promise<Attendance>;
  /**
   * 签到: present, with the time of signing in. Only in the sign-in window (signInWindow: from the meeting
   * day). A person on 请假 is refused (DomainError 'conflict') unless `confirmLeave`; then the change is audited
   * with the leave reason it replaces.
   */
  signIn(id: string, o?: { confirmLeave?: boolean }): Promise<Attendance>;
}

export type StandingAgendaKind = 'last_resolutions' | 'disputes_review' | 'instructions' | 'summary' | 'other';

export interface AgendaItemPatch {
  title?: string;
  /** `null` clears it. */
  presenterUnitId?: string | null;
  /** `null` clears it. */
  minutes?: number | null;
}

/**
 * A backlog topic; `carried` marks topics deferred at an earlier meeting (上次暂缓 / 暂缓), with that meeting (for
 * its name: the builder reads no list of every meeting).
 */
export interface BacklogEntry {
  topic: Topic;
  carried?: { meetingId: string; previous: boolean; meeting: Meeting };
}

/** What the agenda builder proposes for one meeting. */
export interface AgendaProposals {
  /** The latest earlier meeting that was held (state held or later). */
  previousMeeting?: Meeting;
  /** Resolutions the 落实情况通报 covers: from earlier meetings, open or changed since the previous one. */
  resolutions: { total: number; open: number };
  /** proposeStandingItems, each with whether the agenda already has it. */
  standing: (StandingItemProposal & { added: boolean })[];
  /** Deferred topics first (the previous meeting's before older ones), then agendaBacklog. */
  backlog: BacklogEntry[];
  /** Open disputes: the ones put on this meeting first, then oldest first. */
  disputes: { dispute: Dispute; onThisAgenda: boolean }[];
  /** Agenda item ids that cannot be removed (the 落实情况通报 while a resolution is open). */
  requiredItemIds: string[];
  /** Title and lines of each standing item, by item id: live from the same read, or its snapshot once held. */
  views: Record<string, StandingItemView>;
}

export interface AgendaRepository {
  /** In agenda order. */
  list(meetingId: string): Promise<AgendaItem[]>;
  proposals(meetingId: string): Promise<AgendaProposals>;
  /** Schedules an accepted or deferred topic onto the meeting (topic → 'scheduled'); both audited, one transaction. */
  addTopic(meetingId: string, topicId: string): Promise<AgendaItem>;
  /** A standing item; `title` defaults to the proposal's (or the kind's usual) title. */
  addStanding(meetingId: string, kind: StandingAgendaKind, title?: string): Promise<AgendaItem>;
  /** Refused for the required 落实情况通报; a topic item returns its topic to 'accepted'. */
  remove(id: string): Promise<void>;
  /** `orderedIds` must be exactly the meeting's items; one transaction. */
  reorder(meetingId: string, orderedIds: readonly string[]): Promise<AgendaItem[]>;
  update(id: string, patch: AgendaItemPatch): Promise<AgendaItem>;
}

export interface TopicListFilter {
  /** Any of these states (all when absent or empty). */
  states?: readonly TopicState[];
  category?: TopicCategory;
  /** The submitting unit or one of the related units. */
  unitId?: string;
  /** Submitted on or after, `YYYY-MM-DD`. */
  from?: string;
  /** Submitted on or before, `YYYY-MM-DD`. */
  to?: string;
  /** Case-insensitive substring of title, description, proposed handling or the submitting unit's name (never complainant data). */
  search?: string;
}

/** The topics list's order: newest submission first (then the latest entered, then id), or exactly the reverse. */
export type TopicListOrder = 'newest' | 'oldest';

/** One page of the topics list. */
export interface TopicListPage extends ListPage<Topic> {
  /** A free-text search stopped after TOPIC_SEARCH_LIMIT matches: `rows` and `total` are of the newest ones. */
  capped: boolean;
  /** The topics the page's merged rows were merged into (following each chain), for “已合并至《…》”. */
  linked: Topic[];
}

/** Topics per state under a filter (its states ignored), for the list's state tabs. */
export interface TopicStateCounts {
  byState: Record<TopicState, number>;
  /** The sum of `byState`: how many the filter matches in all states. */
  matching: number;
  /** Whether the table holds any topic (the list's empty state), read from one key. */
  hasTopics: boolean;
  /** Counted over the newest TOPIC_SEARCH_LIMIT matches of a free-text search only. */
  capped: boolean;
}

/** What the topics list shows: one page and the state tabs' counts, read together (topics.view). */
export interface TopicListView extends TopicListPage {
  counts: TopicStateCounts;
}

/** The triage steps the topics screen offers; scheduling and the meeting steps belong to the agenda builder. */
export type TopicTriageAction =
  | { type: 'accept' }
  | { type: 'return'; reason: string }
  | { type: 'resubmit' }
  | { type: 'merge'; intoTopicId: string }
  /** Creates the dispute in the same transaction; `otherPartyUnitIds` when the topic names only its own unit. */
  | { type: 'convert'; otherPartyUnitIds?: string[] }
  | { type: 'defer' }
  | { type: 'escalate' };

/**
 * Topics as the office sees them. Every topic returned has its complainant MASKED; the clear values
 * come only from {@link TopicsRepository.reveal}, which audits the look. `input` is `unknown` on
 * purpose: every write validates with the shared zod schema.
 */
export interface TopicsRepository {
  /** Newest submission first. */
  list(filter?: TopicListFilter): Promise<Topic[]>;
  /**
   * One page of `list(filter)` in `order` and the list's length. With no unit and at most one state, only the page
   * is read, through the compound index of its category, state and date range (Dexie v8), and the total is that
   * range's count; a free-text search is a cursor over that range stopped after TOPIC_SEARCH_LIMIT matches
   * (`capped`). A unit or several states read those rows through their indexes and slice them.
   */
  page(filter: TopicListFilter, page: PageRequest, order?: TopicListOrder): Promise<TopicListPage>;
  /** Per state, the topics `filter` (its states ignored) matches: index counts, unless a unit or a search is set. */
  stateCounts(filter: TopicListFilter): Promise<TopicStateCounts>;
  /**
   * {@link page} and {@link stateCounts} in one read, as the list shows them: the page's total is taken from the
   * counts (no second count of the same range), and with a unit or a search (no state chosen) the page is cut from
   * the rows the counts read.
   */
  view(filter: TopicListFilter, page: PageRequest, order?: TopicListOrder): Promise<TopicListView>;
  /** Topics `topicId` may be merged into (state index: the merge target states), newest first. */
  mergeTargets(topicId: string): Promise<Topic[]>;
  /** Topics merged into `topicId` (mergedIntoTopicId index), newest first. */
  mergedInto(topicId: string): Promise<Topic[]>;
  get(id: string): Promise<Topic | undefined>;
  /** `input` is a TopicInput; state 'submitted'; attachments stored in the same transaction. Audited. */
  submit(input: unknown, files?: readonly NewAttachment[]): Promise<Topic>;
  /**
   * TopicInput keys left out keep their value; only while submitted or returned. `complainant` replaces
   * the stored one when present (all fields blank removes it) and is kept when absent.
   */
  update(id: string, patch: unknown): Promise<Topic>;
  /** Applies `transitionTopic`; audited 'transition' (a return's reason, else `reason`). */
  act(id: string, action: TopicTriageAction, reason?: string): Promise<Topic>;
  /** The clear complainant data, after writing an audit entry (action 'reveal'). */
  reveal(id: string, reason?: string): Promise<Complainant>;
}

/** A file to attach, read by the caller (a browser File is a Blob). */
export interface NewAttachment {
  fileName: string;
  /** As the browser or OS reports it; empty when unknown. */
  mimeType?: string;
  data: Blob | Uint8Array;
}

/** An attachment without its content. */
export type AttachmentMeta = Omit<Attachment, 'data'>;

export interface AttachmentOwner {
  type: Attachment['ownerType'];
  id: string;
}

export interface AttachmentsRepository {
  /** Oldest first, without content. */
  list(owner: AttachmentOwner): Promise<AttachmentMeta[]>;
  /** Type allow-list, 20 MB and 10-per-owner caps, Chinese errors. Audited 'create' (metadata only). */
  add(owner: AttachmentOwner, file: NewAttachment): Promise<AttachmentMeta>;
  /** Audited 'delete' (metadata only). */
  remove(id: string): Promise<void>;
  /** The stored bytes, for saving through the host. */
  content(id: string): Promise<{ fileName: string; mimeType: string; bytes: Uint8Array }>;
  /** Audits a saved copy (action 'export'). */
  recordDownload(id: string): Promise<void>;
}

export interface DataLayer {
  units: UnitsRepository;
  people: PeopleRepository;
  profiles: ProfilesRepository;
  rules: RulesRepository;
  audit: AuditRepository;
  demo: DemoRepository;
  importer: ImporterRepository;
  disputes: DisputesRepository;
  meetings: MeetingsRepository;
  attendance: AttendanceRepository;
  agenda: AgendaRepository;
  topics: TopicsRepository;
  attachments: AttachmentsRepository;
  documentSettings: DocumentSettingsRepository;
  calendar: CalendarRepository;
  minutesTemplate: MinutesTemplateRepository;
  minutes: MinutesRepository;
  followup: FollowupRepository;
  /** The role home screens' figures (supervisor's table, office's readiness, chair's lists). */
  home: HomeRepository;
  /** The statistics page's series (统计), read through indexes per filter. */
  statistics: StatisticsRepository;
}
