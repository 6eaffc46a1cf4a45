import { describe, expect, it } from 'vitest';
import {
  agendaItemSchema,
  agendaItemTitle,
  disputeOpenOn,
  disputesReviewTitle,
  proposeStandingItems,
  standingDisputes,
  standingItemView,
  takeStandingSnapshot,
  type AgendaItem,
  type Dispute,
  type StandingSource,
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

  it('summarises the resolutions the report covers', () => {
    const report = item({ kind: 'last_resolutions', title: '通报上次会议议定事项落实情况' });
    expect(standingItemView(report, { disputes: [], resolutions: { total: 5, open: 2 } }).lines).toEqual([
      '共5项议定事项，其中未办结2项',
    ]);
    expect(standingItemView(report, { disputes: [], resolutions: { total: 0, open: 0 } }).lines).toEqual([]);
    expect(standingItemView(report, { disputes: [] }).lines).toEqual([]);
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
