import { DomainError } from './errors';
import type { UserRole } from './user-profile';

/**
 * Every action a user can take that changes data. Repositories call `assertAllowed` inside the
 * audited transaction before writing; the UI asks `permission` to hide or disable what the role may not do.
 */
export const ACTIONS = [
  'unit.create',
  'unit.update',
  'unit.archive',
  'unit.restore',
  'unit.delete',
  'person.create',
  'person.update',
  'person.archive',
  'person.restore',
  'person.delete',
  'master.import',
  'topic.submit',
  'topic.resubmit',
  'topic.update',
  'topic.accept',
  'topic.return',
  'topic.merge',
  'topic.convert',
  'topic.schedule',
  'topic.unschedule',
  'topic.discuss',
  'topic.resolve',
  'topic.defer',
  'topic.escalate',
  'topic.reveal_complainant',
  'attachment.add',
  'attachment.remove',
  'attachment.download',
  'meeting.create',
  'meeting.update',
  'meeting.transition',
  'meeting.cancel',
  'attendance.mark',
  'attendance.sign_in',
  'agenda.edit',
  'dispute.register',
  'dispute.update',
  'dispute.add_round',
  'dispute.agree',
  'dispute.escalate',
  'dispute.designate',
  'dispute.close',
  'dispute.reopen',
  'dispute.put_on_agenda',
  'dispute.export',
  'dispute.thresholds',
  'document.settings',
  'document.export',
  'rules.manage',
  'demo.load',
  'profile.manage',
  'minutes.draft',
  'minutes.submit',
  'minutes.return',
  'minutes.sign',
  'minutes.issue',
  'minutes.correct',
  'task.progress',
  'task.remind',
  'task.comment',
  'task.request_extension',
  'task.decide_extension',
  'task.cannot_complete',
  'task.escalate',
  'task.claim_done',
  'task.verify',
  'settings.calendar',
  'settings.minutes_template',
  'data.backup',
  'data.restore',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ROLE_LABELS: Record<UserRole, string> = {
  office_staff: '办公室工作人员',
  convener: '召集人',
  supervisor: '监督人员（纪工委/司法所）',
  liaison: '联络员',
};

type Grant = readonly UserRole[];
const OFFICE: Grant = ['office_staff'];
const CHAIR: Grant = ['convener'];
const OFFICE_AND_CHAIR: Grant = ['office_staff', 'convener'];
const EVERYONE: Grant = ['office_staff', 'convener', 'supervisor', 'liaison'];

/** Who may do what. Liaison grants on task.* are further limited to the liaison's own unit. */
const GRANTS: Record<Action, Grant> = {
  'unit.create': OFFICE,
  'unit.update': OFFICE,
  'unit.archive': OFFICE,
  'unit.restore': OFFICE,
  'unit.delete': OFFICE,
  'person.create': OFFICE,
  'person.update': OFFICE,
  'person.archive': OFFICE,
  'person.restore': OFFICE,
  'person.delete': OFFICE,
  'master.import': OFFICE,
  'topic.submit': ['office_staff', 'liaison'],
  'topic.resubmit': ['office_staff', 'liaison'],
  'topic.update': OFFICE,
  'topic.accept': OFFICE,
  'topic.return': OFFICE,
  'topic.merge': OFFICE,
  'topic.convert': OFFICE,
  'topic.schedule': OFFICE,
  'topic.unschedule': OFFICE,
  'topic.discuss': OFFICE,
  'topic.resolve': OFFICE,
  'topic.defer': OFFICE,
  'topic.escalate': OFFICE,
  'topic.reveal_complainant': OFFICE,
  'attachment.add': ['office_staff', 'liaison'],
  'attachment.remove': OFFICE,
  'attachment.download': EVERYONE,
  'meeting.create': OFFICE,
  'meeting.update': OFFICE,
  'meeting.transition': OFFICE,
  'meeting.cancel': OFFICE,
  'attendance.mark': OFFICE,
  'attendance.sign_in': OFFICE,
  'agenda.edit': OFFICE,
  // Office staff record what happens to a dispute (rounds, agreement, district decision, closing);
  // submitting it to the district government and reopening a closed case are decisions: office records, chair decides.
  'dispute.register': OFFICE,
  'dispute.update': OFFICE,
  'dispute.add_round': OFFICE,
  'dispute.agree': OFFICE,
  'dispute.escalate': OFFICE_AND_CHAIR,
  'dispute.designate': OFFICE,
  'dispute.close': OFFICE,
  'dispute.reopen': OFFICE_AND_CHAIR,
  'dispute.put_on_agenda': OFFICE,
  'dispute.export': EVERYONE,
  'dispute.thresholds': OFFICE,
  'document.settings': OFFICE,
  'document.export': EVERYONE,
  'rules.manage': OFFICE,
  'demo.load': OFFICE,
  'profile.manage': EVERYONE,
  'minutes.draft': OFFICE,
  'minutes.submit': OFFICE,
  'minutes.return': CHAIR,
  'minutes.sign': CHAIR,
  'minutes.issue': OFFICE,
  'minutes.correct': OFFICE,
  'task.progress': ['office_staff', 'liaison'],
  'task.remind': ['office_staff', 'convener', 'supervisor'],
  'task.comment': EVERYONE,
  'task.request_extension': ['liaison'],
  'task.decide_extension': CHAIR,
  'task.cannot_complete': ['liaison'],
  'task.escalate': OFFICE_AND_CHAIR,
  'task.claim_done': ['liaison'],
  'task.verify': ['supervisor'],
  'settings.calendar': OFFICE,
  'settings.minutes_template': OFFICE,
  'data.backup': OFFICE,
  'data.restore': OFFICE,
};

const ACTION_LABELS: Record<Action, string> = {
  'unit.create': '新增单位',
  'unit.update': '修改单位',
  'unit.archive': '停用单位',
  'unit.restore': '恢复单位',
  'unit.delete': '删除单位',
  'person.create': '新增人员',
  'person.update': '修改人员',
  'person.archive': '停用人员',
  'person.restore': '恢复人员',
  'person.delete': '删除人员',
  'master.import': '导入单位和人员',
  'topic.submit': '提交议题',
  'topic.resubmit': '重新提交议题',
  'topic.update': '修改议题',
  'topic.accept': '受理议题',
  'topic.return': '退回议题',
  'topic.merge': '合并议题',
  'topic.convert': '将议题转为执法争议',
  'topic.schedule': '将议题列入议程',
  'topic.unschedule': '将议题移出议程',
  'topic.discuss': '标记议题已上会',
  'topic.resolve': '标记议题已议定',
  'topic.defer': '暂缓议题',
  'topic.escalate': '将议题提交党政联席会议',
  'topic.reveal_complainant': '查看投诉举报人信息',
  'attachment.add': '添加附件',
  'attachment.remove': '删除附件',
  'attachment.download': '下载附件',
  'meeting.create': '新建会议',
  'meeting.update': '修改会议',
  'meeting.transition': '变更会议状态',
  'meeting.cancel': '取消会议',
  'attendance.mark': '登记出席情况',
  'attendance.sign_in': '签到',
  'agenda.edit': '编辑议程',
  'dispute.register': '登记执法争议',
  'dispute.update': '修改执法争议',
  'dispute.add_round': '记录协商情况',
  'dispute.agree': '登记协商一致',
  'dispute.escalate': '提请区政府协调',
  'dispute.designate': '登记指定管辖',
  'dispute.close': '结案',
  'dispute.reopen': '重新启动已结案的争议',
  'dispute.put_on_agenda': '将争议列入议程',
  'dispute.export': '导出争议材料',
  'dispute.thresholds': '设置争议提醒期限',
  'document.settings': '修改文书设置',
  'document.export': '导出文书',
  'rules.manage': '修改规则设置',
  'demo.load': '载入演示数据',
  'profile.manage': '设置当前用户',
  'minutes.draft': '起草会议纪要',
  'minutes.submit': '将会议纪要送审',
  'minutes.return': '退回会议纪要修改',
  'minutes.sign': '签发会议纪要',
  'minutes.issue': '印发会议纪要',
  'minutes.correct': '更正已印发的会议纪要',
  'task.progress': '报送办理进展',
  'task.remind': '催办',
  'task.comment': '发表意见',
  'task.request_extension': '申请延期',
  'task.decide_extension': '审批延期申请',
  'task.cannot_complete': '报告不能办结',
  'task.escalate': '提请上级协调',
  'task.claim_done': '报告办结',
  'task.verify': '核验办理结果',
  'settings.calendar': '导入工作日历',
  'settings.minutes_template': '修改纪要模板',
  'data.backup': '备份数据',
  'data.restore': '从备份恢复数据',
};

/** Task actions a liaison may take only for a task whose lead or co-unit is the liaison's own unit. */
const OWN_UNIT_ACTIONS: readonly Action[] = [
  'task.progress',
  'task.request_extension',
  'task.cannot_complete',
  'task.claim_done',
  'task.comment',
];

export interface PermissionContext {
  /** The unit the actor belongs to (profile.unitId); undefined for profiles created before it existed. */
  actorUnitId?: string | undefined;
  /** The units a task concerns (lead and co-units). */
  targetUnitIds?: readonly string[] | undefined;
  /** For reveal of complainant data: why it is needed. */
  reason?: string | undefined;
}

export type PermissionResult = { allowed: true } | { allowed: false; reason: string };

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}

export function actionLabel(action: Action): string {
  return ACTION_LABELS[action];
}

/** Pure: may `role` take `action` (in `ctx`)? If not, a Chinese sentence saying who may. */
export function permission(role: UserRole, action: Action, ctx: PermissionContext = {}): PermissionResult {
  const grant = GRANTS[action];
  if (!grant.includes(role)) {
    const who = grant.map((r) => ROLE_LABELS[r]).join('或');
    return {
      allowed: false,
      reason: `只有${who}可以${ACTION_LABELS[action]}；当前角色为“${ROLE_LABELS[role]}”`,
    };
  }
  if (role === 'liaison' && OWN_UNIT_ACTIONS.includes(action) && ctx.targetUnitIds !== undefined) {
    if (!ctx.actorUnitId) {
      return {
        allowed: false,
        reason: `联络员只能为本单位的任务${ACTION_LABELS[action]}；请先在“设置 → 当前用户”中选择所属成员单位`,
      };
    }
    if (!ctx.targetUnitIds.includes(ctx.actorUnitId)) {
      return {
        allowed: false,
        reason: `联络员只能为本单位牵头或配合的任务${ACTION_LABELS[action]}；该任务不属于当前用户所在单位`,
      };
    }
  }
  if (action === 'topic.reveal_complainant' && ctx.reason !== undefined && ctx.reason.trim() === '') {
    return { allowed: false, reason: '查看投诉举报人信息须填写查看理由' };
  }
  return { allowed: true };
}

/** Throws DomainError('forbidden') with the reason when the actor may not take the action. */
export function assertAllowed(
  actor: { role: UserRole; unitId?: string | undefined },
  action: Action,
  ctx: Omit<PermissionContext, 'actorUnitId'> = {},
): void {
  const result = permission(actor.role, action, { ...ctx, actorUnitId: actor.unitId });
  if (!result.allowed) throw new DomainError('forbidden', result.reason);
}
