import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  assertAllowed,
  DomainError,
  permission,
  USER_ROLES,
  type Action,
  type UserRole,
} from '../../../shared/domain';

// Columns: office_staff, convener, supervisor, liaison. 1 = allowed, 0 = refused.
const TABLE: Record<Action, [number, number, number, number]> = {
  'unit.create': [1, 0, 0, 0],
  'unit.update': [1, 0, 0, 0],
  'unit.archive': [1, 0, 0, 0],
  'unit.restore': [1, 0, 0, 0],
  'unit.delete': [1, 0, 0, 0],
  'person.create': [1, 0, 0, 0],
  'person.update': [1, 0, 0, 0],
  'person.archive': [1, 0, 0, 0],
  'person.restore': [1, 0, 0, 0],
  'person.delete': [1, 0, 0, 0],
  'master.import': [1, 0, 0, 0],
  'topic.submit': [1, 0, 0, 1],
  'topic.resubmit': [1, 0, 0, 1],
  'topic.update': [1, 0, 0, 0],
  'topic.accept': [1, 0, 0, 0],
  'topic.return': [1, 0, 0, 0],
  'topic.merge': [1, 0, 0, 0],
  'topic.convert': [1, 0, 0, 0],
  'topic.schedule': [1, 0, 0, 0],
  'topic.unschedule': [1, 0, 0, 0],
  'topic.discuss': [1, 0, 0, 0],
  'topic.resolve': [1, 0, 0, 0],
  'topic.defer': [1, 0, 0, 0],
  'topic.escalate': [1, 0, 0, 0],
  'topic.reveal_complainant': [1, 0, 0, 0],
  'attachment.add': [1, 0, 0, 1],
  'attachment.remove': [1, 0, 0, 0],
  'attachment.download': [1, 1, 1, 1],
  'meeting.create': [1, 0, 0, 0],
  'meeting.update': [1, 0, 0, 0],
  'meeting.transition': [1, 0, 0, 0],
  'meeting.cancel': [1, 0, 0, 0],
  'attendance.mark': [1, 0, 0, 0],
  'attendance.sign_in': [1, 0, 0, 0],
  'agenda.edit': [1, 0, 0, 0],
  'dispute.register': [1, 0, 0, 0],
  'dispute.update': [1, 0, 0, 0],
  'dispute.add_round': [1, 0, 0, 0],
  'dispute.agree': [1, 0, 0, 0],
  'dispute.escalate': [1, 1, 0, 0],
  'dispute.designate': [1, 0, 0, 0],
  'dispute.close': [1, 0, 0, 0],
  'dispute.reopen': [1, 1, 0, 0],
  'dispute.put_on_agenda': [1, 0, 0, 0],
  'dispute.export': [1, 1, 1, 1],
  'dispute.thresholds': [1, 0, 0, 0],
  'document.settings': [1, 0, 0, 0],
  'document.export': [1, 1, 1, 1],
  'rules.manage': [1, 0, 0, 0],
  'demo.load': [1, 0, 0, 0],
  'profile.manage': [1, 1, 1, 1],
  'minutes.draft': [1, 0, 0, 0],
  'minutes.submit': [1, 0, 0, 0],
  'minutes.return': [0, 1, 0, 0],
  'minutes.sign': [0, 1, 0, 0],
  'minutes.issue': [1, 0, 0, 0],
  'minutes.correct': [1, 0, 0, 0],
  'task.progress': [1, 0, 0, 1],
  'task.remind': [1, 1, 1, 0],
  'task.comment': [1, 1, 1, 1],
  'task.request_extension': [0, 0, 0, 1],
  'task.decide_extension': [0, 1, 0, 0],
  'task.cannot_complete': [0, 0, 0, 1],
  'task.escalate': [1, 1, 0, 0],
  'task.claim_done': [0, 0, 0, 1],
  'task.verify': [0, 0, 1, 0],
  'settings.calendar': [1, 0, 0, 0],
  'settings.minutes_template': [1, 0, 0, 0],
  'data.backup': [1, 0, 0, 0],
  'data.restore': [1, 0, 0, 0],
};

describe('permission: role × action table', () => {
  it('the table lists every action', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    USER_ROLES.forEach((role: UserRole, i) => {
      const expected = TABLE[action][i] === 1;
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        const result = permission(role, action);
        expect(result.allowed).toBe(expected);
        if (!result.allowed) expect(result.reason).toMatch(/^只有.+可以.+；当前角色为“.+”$/);
      });
    });
  }
});

describe('permission: reasons and context', () => {
  it('names the role that may sign and the current role', () => {
    expect(permission('office_staff', 'minutes.sign')).toEqual({
      allowed: false,
      reason: '只有召集人可以签发会议纪要；当前角色为“办公室工作人员”',
    });
  });

  it('a liaison acts only on tasks of their own unit', () => {
    expect(permission('liaison', 'task.progress', { actorUnitId: 'u1', targetUnitIds: ['u1', 'u2'] }).allowed).toBe(
      true,
    );
    expect(permission('liaison', 'task.claim_done', { actorUnitId: 'u2', targetUnitIds: ['u1', 'u2'] }).allowed).toBe(
      true,
    );
    const other = permission('liaison', 'task.progress', { actorUnitId: 'u3', targetUnitIds: ['u1', 'u2'] });
    expect(other).toEqual({ allowed: false, reason: expect.stringContaining('不属于当前用户所在单位') });
  });

  it('a liaison profile without a unit is told to set it', () => {
    const r = permission('liaison', 'task.request_extension', { targetUnitIds: ['u1'] });
    expect(r).toEqual({ allowed: false, reason: expect.stringContaining('设置 → 当前用户') });
  });

  it('the own-unit rule does not apply to other roles', () => {
    expect(permission('office_staff', 'task.progress', { actorUnitId: 'u9', targetUnitIds: ['u1'] }).allowed).toBe(
      true,
    );
  });

  it('revealing complainant data needs a reason', () => {
    expect(permission('office_staff', 'topic.reveal_complainant', { reason: '  ' }).allowed).toBe(false);
    expect(permission('office_staff', 'topic.reveal_complainant', { reason: '核实情况' }).allowed).toBe(true);
  });

  it('assertAllowed throws a forbidden DomainError with the reason', () => {
    expect(() => assertAllowed({ role: 'supervisor' }, 'unit.delete')).toThrow(DomainError);
    try {
      assertAllowed({ role: 'supervisor' }, 'topic.accept');
    } catch (e) {
      expect((e as DomainError).code).toBe('forbidden');
      expect((e as DomainError).message).toContain('只有办公室工作人员可以受理议题');
    }
    expect(() =>
      assertAllowed({ role: 'liaison', unitId: 'u1' }, 'task.progress', { targetUnitIds: ['u1'] }),
    ).not.toThrow();
  });
});
