import type { TFunction } from 'i18next';
import type { AuditedEntity } from '../../../../shared/domain/audit';
import { DISPUTE_FIELD_LABELS } from '../../db/repositories/disputes';
import { MEETING_FIELD_LABELS } from '../../db/repositories/meetings';
import { TOPIC_FIELD_LABELS } from '../../db/repositories/topics';
import {
  PERSON_FIELD_LABELS,
  PROFILE_FIELD_LABELS,
  RULE_FIELD_LABELS,
  UNIT_FIELD_LABELS,
  type FieldLabels,
} from '../../db/validation';

/**
 * The field labels of each audited entity for the field-by-field view: the repositories' own maps (the
 * words their validation messages use), so a field is called the same in a form error and the trail.
 */
export const AUDIT_FIELD_LABELS: Partial<Record<AuditedEntity, FieldLabels>> = {
  dispute: { ...DISPUTE_FIELD_LABELS, 'escalation.applicantUnitId': '申请单位' },
  topic: TOPIC_FIELD_LABELS,
  meeting: MEETING_FIELD_LABELS,
  unit: UNIT_FIELD_LABELS,
  person: PERSON_FIELD_LABELS,
  profile: PROFILE_FIELD_LABELS,
  ruleProfile: RULE_FIELD_LABELS,
  taskEvent: {
    resolutionId: '督办事项',
    kind: '类型',
    on: '日期',
    unitId: '单位',
    personName: '人员',
    text: '内容',
    newDeadline: '新的完成时限',
    approved: '是否同意',
    percent: '完成进度（%）',
    notice: '督办通知单',
  },
  resolution: {
    content: '议定事项',
    deadlineRule: '时限要求',
    deadlineProvisional: '时限暂定',
    feedback: '反馈要求',
    issuedOn: '印发日期',
    extension: '延期申请',
    cannotComplete: '不能办结',
  },
  attachment: { fileName: '文件名', mimeType: '文件类型', size: '大小（字节）', ownerType: '所属' },
  agendaItem: { title: '议程事项', kind: '类别', snapshot: '召开时的内容' },
};

/** Enumerated values the domain does not word itself, by the screens' own translations. */
export function auditEnumLabel(t: TFunction, entity: AuditedEntity, field: string, value: string): string | undefined {
  const key =
    entity === 'topic' && field === 'category'
      ? `topics:category.${value}`
      : entity === 'topic' && field === 'urgency'
        ? `topics:urgency.${value}`
        : entity === 'dispute' && field === 'type'
          ? `disputes:type.${value}`
          : entity === 'unit' && field === 'kind'
            ? `units:kind.${value}`
            : entity === 'person' && field === 'role'
              ? `units:role.${value}`
              : entity === 'taskEvent' && field === 'kind'
                ? `followup:event.${value}`
                : undefined;
  return key ? t(key, { defaultValue: value }) : undefined;
}
