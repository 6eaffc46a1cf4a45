import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/domain/audit';
import { auditDiff } from '../../../shared/domain/audit-diff';
import {
  auditDayBounds,
  auditObjectLabel,
  auditReferences,
  emptyAuditLookups,
  formatAuditTime,
  type AuditLookups,
} from '../../../shared/domain/audit-labels';
import { auditTrailRow } from '../../../shared/export/ledger/audit-trail';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  seq: 1,
  ts: '2026-03-09T06:05:00.000Z',
  actorId: 'p1',
  actorName: '王小明',
  actorRole: 'office_staff',
  entity: 'dispute',
  entityId: '0f1e53d1-aaaa',
  action: 'update',
  before: null,
  after: null,
  prevHash: '0',
  hash: '1',
  ...over,
});

function lookups(over: Partial<AuditLookups> = {}): AuditLookups {
  return { ...emptyAuditLookups(), ...over };
}

const units = new Map([
  ['u1', { name: '城关镇综合行政执法队' }],
  ['u2', { name: '区市场监管局' }],
]);

describe('audit object labels', () => {
  it('names a dispute by its current number, not its id', () => {
    const e = entry({ after: { id: '0f1e53d1-aaaa', number: '城关执争〔2026〕8号', matter: '占道经营' } });
    const l = lookups({ disputes: new Map([['0f1e53d1-aaaa', { number: '城关执争〔2026〕9号' }]]) });
    expect(auditObjectLabel(e, l)).toBe('执法争议 城关执争〔2026〕9号');
    // Deleted since: the snapshot's number.
    expect(auditObjectLabel(e, lookups())).toBe('执法争议 城关执争〔2026〕8号');
  });

  it('names topics, meetings, units, people and users', () => {
    const l = lookups({
      topics: new Map([['t1', { title: '夜市噪声扰民' }]]),
      meetings: new Map([['m1', { year: 2026, sequence: 3, kind: 'regular' as const }]]),
      units,
      people: new Map([['pp', { name: '李四' }]]),
      profiles: new Map([['pr', { name: '张主任' }]]),
    });
    expect(auditObjectLabel(entry({ entity: 'topic', entityId: 't1' }), l)).toBe('议题《夜市噪声扰民》');
    expect(auditObjectLabel(entry({ entity: 'meeting', entityId: 'm1' }), l)).toBe('会议 2026年第三次定期联席会议');
    expect(auditObjectLabel(entry({ entity: 'unit', entityId: 'u2' }), l)).toBe('成员单位 区市场监管局');
    expect(auditObjectLabel(entry({ entity: 'person', entityId: 'pp' }), l)).toBe('人员 李四');
    expect(auditObjectLabel(entry({ entity: 'profile', entityId: 'pr' }), l)).toBe('用户 张主任');
    expect(
      auditObjectLabel(entry({ entity: 'attendance', entityId: 'a1', after: { personId: 'pp', meetingId: 'm1' } }), l),
    ).toBe('出席记录 李四（2026年第三次定期联席会议）');
  });

  it('names system and settings entries by what they are, never by their key', () => {
    expect(
      auditObjectLabel(entry({ entity: 'system', entityId: 'disputes.ledger', action: 'export' }), lookups()),
    ).toBe('执法争议台账');
    expect(auditObjectLabel(entry({ entity: 'system', entityId: 'database', action: 'restore' }), lookups())).toBe(
      '全部数据（从备份恢复）',
    );
    expect(auditObjectLabel(entry({ entity: 'system', entityId: 'feedback-form:abc' }), lookups())).toBe(
      '成员单位反馈表',
    );
    expect(auditObjectLabel(entry({ entity: 'settings', entityId: 'calendar.imported' }), lookups())).toBe(
      '设置 工作日日历',
    );
    expect(auditObjectLabel(entry({ entity: 'meeting', entityId: 'gone' }), lookups())).toBe('会议（记录已删除）');
  });

  it('asks for the subject ids only, or for every referenced record when one entry is opened', () => {
    const e = entry({
      entityId: 'd1',
      before: { partyUnitIds: ['u1', 'u2'], firstHandlingUnitId: 'u1', positions: { u3: '意见' } },
      after: { partyUnitIds: ['u1', 'u2'], relatedTopicId: 't9', escalation: { applicantUnitId: 'u4' } },
    });
    expect(auditReferences([e]).disputes).toEqual(['d1']);
    expect(auditReferences([e]).units).toEqual([]);
    const all = auditReferences([e], 'all');
    expect(all.units.sort()).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(all.topics).toEqual(['t9']);
  });

  it('reads times and day bounds in Asia/Shanghai', () => {
    expect(formatAuditTime('2026-03-09T06:05:00.000Z')).toBe('2026年3月9日 14:05');
    expect(formatAuditTime('2026-03-09T17:30:00.000Z')).toBe('2026年3月10日 01:30');
    expect(auditDayBounds('2026-03-09', '2026-03-09')).toEqual({
      fromTs: '2026-03-08T16:00:00.000Z',
      toTs: '2026-03-09T16:00:00.000Z',
    });
  });

  it('gives an export row in Chinese with the object named', () => {
    const e = entry({ seq: 7, action: 'transition', reason: '=协商未果', after: { number: '城关执争〔2026〕9号' } });
    expect(auditTrailRow(e, lookups())).toEqual([
      7,
      '2026年3月9日 14:05',
      '王小明',
      '办公室工作人员',
      '状态变更',
      '执法争议 城关执争〔2026〕9号',
      "'=协商未果",
    ]);
  });
});

describe('audit field-by-field diff', () => {
  const labels = { matter: '争议事项', partyUnitIds: '争议各方', firstHandlingUnitId: '先行处理单位' };

  it('lists only changed fields, with Chinese labels, dates, states and unit names', () => {
    const before = {
      id: 'd1',
      updatedAt: '2026-03-01T01:00:00.000Z',
      number: '城关执争〔2026〕9号',
      matter: '占道经营',
      state: 'registered',
      stateSince: '2026-03-01',
      partyUnitIds: ['u1', 'u2'],
      firstHandlingUnitId: 'u1',
    };
    const after = {
      ...before,
      updatedAt: '2026-03-09T01:00:00.000Z',
      state: 'escalated',
      stateSince: '2026-03-09',
      escalation: { matter: '占道经营', focus: '谁来管', negotiation: '两次', reasons: '' },
    };
    const rows = auditDiff(entry({ before, after, action: 'transition' }), { labels, lookups: lookups({ units }) });
    expect(rows).toEqual([
      { field: 'state', label: '状态', before: '登记', after: '提请区政府协调' },
      { field: 'stateSince', label: '状态起始日期', before: '2026年3月1日', after: '2026年3月9日' },
      { field: 'escalation.matter', label: '争议事项', before: '', after: '占道经营' },
      { field: 'escalation.focus', label: '争议焦点', before: '', after: '谁来管' },
      { field: 'escalation.negotiation', label: '协商情况', before: '', after: '两次' },
    ]);
  });

  it('shows a create as every filled field, referenced units by name', () => {
    const after = {
      id: 'd1',
      matter: '占道经营',
      partyUnitIds: ['u1', 'u2'],
      firstHandlingUnitId: 'u1',
      positions: { u2: '不属我局' },
    };
    const rows = auditDiff(entry({ action: 'create', after }), { labels, lookups: lookups({ units }) });
    expect(rows.map((r) => [r.label, r.before, r.after])).toEqual([
      ['争议事项', '', '占道经营'],
      ['争议各方', '', '城关镇综合行政执法队、区市场监管局'],
      ['先行处理单位', '', '城关镇综合行政执法队'],
      ['各方意见', '', '区市场监管局：不属我局'],
    ]);
  });

  it('keeps complainant data masked even when a snapshot holds it clear', () => {
    const before = { title: '噪声', complainant: { name: '张三丰', phone: '13812345678' } };
    const after = { title: '夜市噪声', complainant: { name: '张三丰', phone: '13912345678' } };
    const rows = auditDiff(entry({ entity: 'topic', before, after }), { lookups: lookups() });
    const text = JSON.stringify(rows);
    expect(text).not.toContain('张三丰');
    expect(text).not.toContain('13912345678');
    expect(rows).toContainEqual({
      field: 'complainant.phone',
      label: '投诉举报人电话',
      before: '138****5678',
      after: '139****5678',
    });
  });

  it('words meeting states and kinds, attendance and booleans', () => {
    const rows = auditDiff(
      entry({
        entity: 'meeting',
        before: { state: 'planning', kind: 'regular' },
        after: { state: 'notified', kind: 'special' },
      }),
      { lookups: lookups() },
    );
    expect(rows.map((r) => [r.before, r.after])).toEqual([
      ['筹备', '已通知'],
      ['定期联席会议', '专题会议'],
    ]);
    const att = auditDiff(
      entry({
        entity: 'attendance',
        before: { status: 'leave', observer: false },
        after: { status: 'present', observer: true },
      }),
      {
        lookups: lookups(),
      },
    );
    expect(att.map((r) => [r.label, r.before, r.after])).toEqual([
      ['出席情况', '请假', '出席'],
      ['列席', '否', '是'],
    ]);
  });
});
