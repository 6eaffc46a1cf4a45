import { describe, expect, it } from 'vitest';
import { auditPayload, type AuditEntry, type Dispute } from '../../../../shared/domain';
import { disputeTimeline } from '../../../../renderer/src/features/disputes/timeline-events';

const base: Dispute = {
  id: 'd1',
  createdAt: '2026-10-09T02:00:00.000Z',
  updatedAt: '2026-10-09T02:00:00.000Z',
  number: '争〔2026〕1号',
  matter: '农贸市场周边占道经营',
  type: 'jurisdiction',
  partyUnitIds: ['u1', 'u2'],
  positions: {},
  firstHandlingUnitId: 'u1',
  registeredOn: '2026-10-09',
  state: 'registered',
  stateSince: '2026-10-09',
  rounds: [],
};

let seq = 0;
function entry(action: AuditEntry['action'], before: unknown, after: unknown, reason?: string): AuditEntry {
  seq += 1;
  return {
    seq,
    ts: `2026-11-22T02:00:${String(seq).padStart(2, '0')}.000Z`,
    actorId: 'p1',
    actorName: '王丽',
    actorRole: 'office_staff',
    entity: 'dispute',
    entityId: 'd1',
    action,
    before,
    after,
    ...(reason ? { reason } : {}),
    prevHash: '',
    hash: '',
  };
}

describe('disputeTimeline', () => {
  it('describes each audit entry by what changed, oldest first', () => {
    const r1 = { date: '2026-10-15', participants: 'a', content: 'b', outcome: '未达成一致' };
    const d1 = { ...base, state: 'negotiating' as const, stateSince: '2026-10-15', rounds: [r1] };
    const d2 = {
      ...d1,
      state: 'escalated' as const,
      escalatedOn: '2026-11-05',
      escalation: { matter: 'm', negotiation: 'n', focus: 'f', reasons: 'r' },
    };
    const d3 = {
      ...d2,
      state: 'designated' as const,
      designatedUnitId: 'u1',
      decisionNumber: '区政指〔2026〕7号',
      designatedOn: '2026-11-16',
    };
    const d4 = { ...d3, state: 'closed' as const, closedOn: '2026-11-20' };
    const d5 = { ...d4, state: 'negotiating' as const, closedOn: undefined, reopenReason: '新证据' };
    const d6 = { ...d5, matter: '改过的事项', place: '东侧', agendaMeetingId: 'm9' };
    seq = 0;
    const entries = [
      entry('create', null, base),
      entry('transition', base, d1),
      entry('transition', d1, d2),
      entry('export', null, { document: '提请协调申请', fileName: '提请协调申请-争〔2026〕1号.docx' }),
      entry('transition', d2, d3),
      entry('transition', d3, d4, '已查处'),
      entry('transition', d4, d5, '新证据'),
      entry('update', d5, d6, '列入会议议程'),
    ].reverse(); // audit.list gives newest first

    const events = disputeTimeline(entries);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events.map((e) => e.changes)).toEqual([
      [{ kind: 'created', number: '争〔2026〕1号' }],
      [
        { kind: 'round', n: 1, date: '2026-10-15', outcome: '未达成一致' },
        { kind: 'state', from: 'registered', to: 'negotiating' },
      ],
      [
        { kind: 'state', from: 'negotiating', to: 'escalated' },
        { kind: 'escalated', date: '2026-11-05' },
      ],
      [{ kind: 'exported', fileName: '提请协调申请-争〔2026〕1号.docx' }],
      [
        { kind: 'state', from: 'escalated', to: 'designated' },
        { kind: 'designated', unitId: 'u1', decisionNumber: '区政指〔2026〕7号', date: '2026-11-16' },
      ],
      [
        { kind: 'state', from: 'designated', to: 'closed' },
        { kind: 'closed', date: '2026-11-20' },
      ],
      [
        { kind: 'state', from: 'closed', to: 'negotiating' },
        { kind: 'reopened', reason: '新证据' },
      ],
      [
        { kind: 'agenda', meetingId: 'm9' },
        { kind: 'fields', fields: ['matter', 'place'] },
      ],
    ]);
    // A reason is shown once: the reopen's own reason is part of its change, others stand alone.
    expect(events[5]?.reason).toBe('已查处');
    expect(events[6]?.reason).toBeUndefined();
    expect(events[7]?.reason).toBe('列入会议议程');
    expect(events[0]).toMatchObject({ actorName: '王丽', actorRole: 'office_staff', action: 'create' });

    // The same history written as changed-field entries (as the audit writer stores them now) reads the same.
    const compact = entries.map((e) => ({ ...e, ...auditPayload(e.before, e.after, { changedOnly: true }) }));
    expect(compact.filter((e) => e.changedOnly)).toHaveLength(6);
    expect(compact.find((e) => e.seq === 8)?.after).toEqual({
      number: '争〔2026〕1号',
      matter: '改过的事项',
      place: '东侧',
      agendaMeetingId: 'm9',
    });
    expect(disputeTimeline(compact)).toEqual(events);
  });

  it('marks records that came with the demo data, and adds rounds recorded while negotiating', () => {
    seq = 0;
    const d1 = {
      ...base,
      state: 'negotiating' as const,
      rounds: [{ date: '2026-10-15', participants: 'a', content: 'b' }],
    };
    const d2 = { ...d1, rounds: [...d1.rounds, { date: '2026-10-20', participants: 'a', content: 'c' }] };
    const events = disputeTimeline([entry('demo-load', null, d1), entry('transition', d1, d2)].reverse());
    expect(events.map((e) => e.changes)).toEqual([
      [{ kind: 'demo', number: '争〔2026〕1号' }],
      [{ kind: 'round', n: 2, date: '2026-10-20' }],
    ]);
  });
});
