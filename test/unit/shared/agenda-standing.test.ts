import { describe, expect, it } from 'vitest';
import {
  agendaItemSchema,
  agendaItemTitle,
  disputeOpenOn,
  disputesReviewTitle,
  proposeStandingItems,
  reportItemTitle,
  selectReportItems,
  standingDisputes,
  standingItemView,
  standingReport,
  takeStandingSnapshot,
  type AgendaItem,
  type Dispute,
  type Minutes,
  type Resolution,
  type StandingSource,
  type TaskEvent,
} from '../../../shared/domain';

const meta = { createdAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-09-01T08:00:00.000Z' };

const item = (over: Partial<AgendaItem> = {}): AgendaItem => ({
  id: 'a1',
  ...meta,
  meetingId: 'm1',
  order: 0,
  kind: 'disputes_review',
  title: '研究未结执法争议（8件）',
  ...over,
});

const rows = (n: number): StandingSource['disputes'] =>
  Array.from({ length: n }, (_, i) => ({
    id: `d${i + 1}`,
    number: `争〔2026〕${i + 1}号`,
    matter: `争议${i + 1}`,
    onThisAgenda: i === 0,
  }));

function dispute(id: string, extra: Partial<Dispute> = {}): Dispute {
  return {
    id,
    ...meta,
    number: `争〔2026〕${id}号`,
    matter: `争议${id}`,
    type: 'jurisdiction',
    partyUnitIds: ['a', 'b'],
    positions: {},
    firstHandlingUnitId: 'a',
    registeredOn: '2026-08-20',
    state: 'negotiating',
    stateSince: '2026-08-25',
    rounds: [],
    ...extra,
  } as Dispute;
}

describe('standing item title and list, computed together', () => {
  it('rewrites the count in the title to the length of the list it shows', () => {
    for (const n of [0, 1, 8, 9, 12]) {
      const view = standingItemView(item(), { disputes: rows(n) });
      expect(view.lines).toHaveLength(n);
      expect(view.title).toBe(`研究未结执法争议（${n}件）`);
      expect(view.frozen).toBe(false);
    }
  });

  it('lists number and matter, marking the disputes put on this meeting', () => {
    expect(standingItemView(item(), { disputes: rows(2) }).lines).toEqual([
      '争〔2026〕1号 争议1（已列入本次会议）',
      '争〔2026〕2号 争议2',
    ]);
  });

  it('keeps a title without a count (the office renamed it) and other kinds’ titles as they are', () => {
    expect(standingItemView(item({ title: '执法争议协调情况通报' }), { disputes: rows(3) }).title).toBe(
      '执法争议协调情况通报',
    );
    const other = item({ kind: 'instructions', title: '传达上级精神（3件）' });
    expect(standingItemView(other, { disputes: rows(5) })).toEqual({
      title: '传达上级精神（3件）',
      lines: [],
      frozen: false,
    });
  });

  it('agrees with the proposal’s title for the same count', () => {
    const [proposal] = proposeStandingItems({ openDisputes: 9, deferredTopics: [] });
    expect(proposal?.title).toBe(disputesReviewTitle(9));
    expect(standingItemView(item({ title: proposal!.title }), { disputes: rows(9) }).title).toBe(proposal!.title);
  });
});

describe('snapshots', () => {
  it('freezes exactly what the item showed, and the snapshot then wins over any later data', () => {
    const snapshot = takeStandingSnapshot(item(), { disputes: rows(9) }, '2026-09-02');
    expect(snapshot).toEqual({
      takenOn: '2026-09-02',
      title: '研究未结执法争议（9件）',
      lines: standingItemView(item(), { disputes: rows(9) }).lines,
    });
    const frozen = item({ snapshot });
    expect(standingItemView(frozen, { disputes: rows(12) })).toEqual({ ...snapshot, frozen: true });
    expect(agendaItemTitle(frozen)).toBe('研究未结执法争议（9件）');
    expect(agendaItemTitle(item())).toBe('研究未结执法争议（8件）');
    // A second freeze keeps the first.
    expect(takeStandingSnapshot(frozen, { disputes: rows(1) }, '2026-12-01')).toBe(snapshot);
  });

  it('parses rows stored before snapshots existed, without a migration, and validates new ones', () => {
    const old = {
      id: 'a1',
      ...meta,
      meetingId: 'm1',
      order: 3,
      kind: 'disputes_review',
      title: '执法争议协调情况通报',
      minutes: 15,
    };
    expect(agendaItemSchema.parse(old)).toEqual(old);
    const withSnapshot = { ...old, snapshot: { takenOn: '2026-09-02', title: '执法争议协调情况通报', lines: ['x'] } };
    expect(agendaItemSchema.parse(withSnapshot)).toEqual(withSnapshot);
    expect(agendaItemSchema.safeParse({ ...old, snapshot: { takenOn: '9月2日', title: 't', lines: [] } }).success).toBe(
      false,
    );
  });
});

describe('disputes open on a day', () => {
  it('counts a dispute from its registration until it is closed', () => {
    const d = dispute('1', { registeredOn: '2026-09-01' });
    expect(disputeOpenOn(d, '2026-08-31')).toBe(false);
    expect(disputeOpenOn(d, '2026-09-01')).toBe(true);
    const closed = dispute('2', { state: 'closed', stateSince: '2026-10-01', closedOn: '2026-10-10' });
    expect(disputeOpenOn(closed, '2026-10-09')).toBe(true);
    expect(disputeOpenOn(closed, '2026-10-10')).toBe(false);
    expect(disputeOpenOn({ ...closed, closedOn: undefined }, '2026-10-01')).toBe(false);
    expect(disputeOpenOn({ ...closed, closedOn: undefined }, '2026-09-30')).toBe(true);
  });

  it('orders the ones put on this meeting first, then by registration and number', () => {
    const list = standingDisputes(
      [
        dispute('3', { registeredOn: '2026-08-01' }),
        dispute('1', { registeredOn: '2026-08-05', agendaMeetingId: 'm1' }),
        dispute('2', { registeredOn: '2026-08-01' }),
        dispute('late', { registeredOn: '2026-11-25' }),
        dispute('done', { state: 'closed', closedOn: '2026-08-30' }),
      ],
      { id: 'm1' },
      '2026-09-02',
    );
    expect(list.map((d) => [d.dispute.id, d.onThisAgenda])).toEqual([
      ['1', true],
      ['2', false],
      ['3', false],
    ]);
  });
});

/**
 * The 落实情况通报 item of meeting N (10 December) reads the one selection: N-1 was held on 2 September;
 * its minutes were issued on 7 September.
 */
describe('the 落实情况通报 item, from the implementation-report selection', () => {
  const meeting = { id: 'n', startsAt: '2026-12-10T09:00' };
  const previous = { id: 'p', startsAt: '2026-09-02T09:00' };
  const minutes: Pick<Minutes, 'id' | 'state' | 'issuedOn' | 'issueNumber' | 'issueYear' | 'meetingId'>[] = [
    { id: 'mp', meetingId: 'p', state: 'issued', issuedOn: '2026-09-07', issueYear: 2026, issueNumber: 3 },
    { id: 'mo', meetingId: 'o', state: 'issued', issuedOn: '2026-06-10', issueYear: 2026, issueNumber: 2 },
    { id: 'md', meetingId: 'd', state: 'draft' },
  ];
  const units = { zf: '城关镇人民政府', sj: '区市场监管局' };
  const res = (id: string, o: Partial<Resolution> = {}): Resolution => ({
    id,
    ...meta,
    meetingId: 'p',
    minutesId: 'mp',
    content: `议定事项${id}`,
    leadUnitId: 'zf',
    coUnitIds: [],
    deadline: '2026-11-30',
    state: 'not_started',
    issuedOn: '2026-09-07',
    ...o,
  });
  const verification = (resolutionId: string, on: string): TaskEvent => ({
    id: `v-${resolutionId}`,
    resolutionId,
    kind: 'verification',
    on,
    text: '经核验，已办结',
    approved: true,
    createdAt: `${on}T02:00:00.000Z`,
  });
  const resolutions = [
    res('open', { state: 'in_progress' }),
    // Of an older meeting, verified exactly on N-1's day: N-1's report could not show it → reported.
    res('onDay', { meetingId: 'o', minutesId: 'mo', issuedOn: '2026-06-10', state: 'verified' }),
    // Verified the day before N-1: reported at N-1, not again.
    res('before', { meetingId: 'o', minutesId: 'mo', issuedOn: '2026-06-10', state: 'verified' }),
    // Issued after N's day (an issue date typed ahead), of minutes never issued, N's own: not reported.
    res('later', { issuedOn: '2026-12-11' }),
    res('unissued', { meetingId: 'd', minutesId: 'md', state: 'not_started', issuedOn: undefined }),
    res('own', { meetingId: 'n', minutesId: undefined, issuedOn: '2026-12-10' }),
    res('draft', { state: 'draft', issuedOn: undefined }),
  ];
  const events = [verification('onDay', '2026-09-02'), verification('before', '2026-09-01')];
  const selection = selectReportItems({ meeting, previousMeeting: previous, resolutions, events, minutes });
  const reportItem = item({ kind: 'last_resolutions', title: '通报上次会议议定事项落实情况' });

  it('counts in the title exactly the items it lists, closed = 已核验办结', () => {
    expect(selection.items.map((i) => i.resolutionId)).toEqual(['open', 'onDay']);
    const summary = standingReport(selection, units);
    expect(summary).toMatchObject({ total: 2, verified: 1, open: 1 });
    const view = standingItemView(reportItem, { disputes: [], report: summary });
    expect(view.title).toBe('通报上次会议议定事项落实情况（共2项，已办结1项）');
    expect(view.lines).toEqual([
      '1. 议定事项open（城关镇人民政府牵头，2026年11月30日前，办理中，逾期10天）',
      '2. 议定事项onDay（城关镇人民政府牵头，2026年11月30日前，已核验办结）',
    ]);
  });

  it('judges 逾期 on the day given: not yet late on the deadline itself', () => {
    const onDeadline = selectReportItems({
      meeting,
      previousMeeting: previous,
      resolutions,
      events,
      minutes,
      on: '2026-11-30',
    });
    expect(standingReport(onDeadline, units).lines[0]).toBe(
      '1. 议定事项open（城关镇人民政府牵头，2026年11月30日前，办理中）',
    );
    const dayAfter = selectReportItems({
      meeting,
      previousMeeting: previous,
      resolutions,
      events,
      minutes,
      on: '2026-12-01',
    });
    expect(standingReport(dayAfter, units).lines[0]).toContain('办理中，逾期1天');
  });

  it('a first meeting (no N-1) reports every issued resolution before its day, verified ones included', () => {
    const first = selectReportItems({ meeting, resolutions, events, minutes });
    expect(first.items.map((i) => i.resolutionId).sort()).toEqual(['before', 'onDay', 'open']);
    expect(standingItemView(reportItem, { disputes: [], report: standingReport(first, units) }).title).toBe(
      '通报上次会议议定事项落实情况（共3项，已办结2项）',
    );
  });

  it('nothing to report: the figures say so, no lines', () => {
    const none = selectReportItems({ meeting, previousMeeting: previous, resolutions: [], events: [], minutes });
    const view = standingItemView(reportItem, { disputes: [], report: standingReport(none, units) });
    expect(view).toEqual({ title: '通报上次会议议定事项落实情况（共0项，已办结0项）', lines: [], frozen: false });
  });

  it('rewrites figures already in the title, adds them to the usual titles, keeps the office’s own title', () => {
    const report = standingReport(selection, units);
    const title = (t: string) =>
      standingItemView(item({ kind: 'last_resolutions', title: t }), { disputes: [], report }).title;
    expect(title('通报上次会议议定事项落实情况（共5项，已办结4项）')).toBe(
      '通报上次会议议定事项落实情况（共2项，已办结1项）',
    );
    expect(title('上次会议议定事项落实情况通报')).toBe('上次会议议定事项落实情况通报（共2项，已办结1项）');
    expect(title('通报第二次会议决定事项办理情况')).toBe('通报第二次会议决定事项办理情况');
    // Without the report (an old held meeting without snapshot): the stored title, no lines.
    expect(standingItemView(reportItem, { disputes: [] })).toEqual({
      title: '通报上次会议议定事项落实情况',
      lines: [],
      frozen: false,
    });
  });

  it('caps a long 议定事项 in its line, with the unit and the pending extension', () => {
    const long = res('long', {
      content: '开'.repeat(80),
      state: 'in_progress',
      deadline: '2026-12-31',
      deadlineProvisional: true,
      extension: { state: 'pending', requestedOn: '2026-12-01', proposedDeadline: '2027-01-31', reason: '需协调' },
      leadUnitId: 'sj',
    });
    const s = selectReportItems({ meeting, previousMeeting: previous, resolutions: [long], events: [], minutes });
    expect(standingReport(s, units).lines).toEqual([
      `1. ${'开'.repeat(60)}……（区市场监管局牵头，2026年12月31日前（暂定），办理中，申请延期）`,
    ]);
  });

  it('agrees with the proposal’s title, and freezes title and list together', () => {
    const report = standingReport(selection, units);
    const [proposal] = proposeStandingItems({
      previousMeeting: { sequenceLabel: '上次', resolutions: 2, openResolutions: 1, verifiedResolutions: 1 },
      openDisputes: 0,
      deferredTopics: [],
    });
    expect(proposal).toMatchObject({ kind: 'last_resolutions', required: true, title: reportItemTitle(2, 1) });
    const stored = item({ kind: 'last_resolutions', title: proposal!.title });
    expect(standingItemView(stored, { disputes: [], report }).title).toBe(proposal!.title);
    const snapshot = takeStandingSnapshot(stored, { disputes: [], report }, '2026-12-10');
    expect(snapshot).toEqual({ takenOn: '2026-12-10', title: proposal!.title, lines: report.lines });
    // Later progress does not reach the frozen item.
    const after = standingReport(
      selectReportItems({ meeting, previousMeeting: previous, resolutions: [], events: [], minutes }),
      units,
    );
    expect(standingItemView({ ...stored, snapshot }, { disputes: [], report: after })).toEqual({
      ...snapshot,
      frozen: true,
    });
  });
});
