import { z } from 'zod';
import { DomainError } from '../../../shared/domain';

/** Chinese names of the fields the repositories validate, so an error says which field to fix. */
export type FieldLabels = Readonly<Record<string, string>>;

export const UNIT_FIELD_LABELS: FieldLabels = {
  name: '单位名称',
  shortName: '简称',
  kind: '单位类别',
  liaisonName: '联络人',
  liaisonPhone: '联络电话',
  note: '备注',
};

export const PERSON_FIELD_LABELS: FieldLabels = {
  name: '姓名',
  unitId: '所属单位',
  post: '职务',
  role: '联席会议职务',
  phone: '电话',
};

export const PROFILE_FIELD_LABELS: FieldLabels = {
  name: '姓名',
  unitName: '所在单位',
  role: '角色',
  unitId: '所属成员单位',
};

export const RULE_FIELD_LABELS: FieldLabels = {
  id: '规则编号',
  name: '规则名称',
  values: '时限数值',
  'values.meetingsPerQuarter': '每季度定期会议次数',
  'values.transferWorkingDays': '案件移送时限',
  'values.transferUrgentHours': '紧急移送时限（小时）',
  'values.writtenAfterOralHours': '口头移送后书面补办时限（小时）',
  'values.receiptNoticeWorkingDays': '受理告知时限',
  'values.assistanceWorkingDays': '协助答复时限',
  'values.transferExtensionCapWorkingDays': '移送延长上限',
  'values.warningWorkingDays': '临期提醒窗口',
};

// zod's own messages for issues the schemas do not word themselves (type errors, formats) in Chinese.
const zhCN = z.locales.zhCN();

/**
 * Parses `input` with `schema` or throws `DomainError('validation', "<字段>：<问题>")` for the first
 * issue, e.g. "单位名称：请填写单位名称". All issues go into `details`.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, labels: FieldLabels = {}): z.output<S> {
  const result = safeParseZh(schema, input);
  if (result.success) return result.data;
  const messages = result.error.issues.map((issue) => issueMessage(issue, input, labels));
  const first = result.error.issues[0];
  const path = first?.path.map(String) ?? [];
  const label = labelFor(path, labels);
  // Under the field itself the label is already shown, so the field's message drops the "<字段>：" prefix.
  const field =
    path.length > 0 && messages[0]
      ? { path, message: label ? messages[0].replace(`${label}：`, '') : messages[0] }
      : undefined;
  throw new DomainError('validation', messages[0] ?? '输入数据不正确', messages, field);
}

/** `schema.safeParse` with zod's Chinese wording for issues the schema does not word itself. */
export function safeParseZh<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(input, { error: zhCN.localeError });
}

/**
 * The Chinese message of one zod issue, prefixed with the field's label when known. With
 * `pathAsLabel`, an unlabelled field is named by its property path (for data files, not forms).
 */
export function issueMessage(
  issue: z.core.$ZodIssue,
  input: unknown,
  labels: FieldLabels,
  pathAsLabel = false,
): string {
  const path = issue.path.map(String);
  const label = labelFor(path, labels) ?? (pathAsLabel && path.length > 0 ? path.join('.') : undefined);
  if (path.length === 0) return issue.code === 'invalid_type' ? '输入数据格式不正确' : issue.message;
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    // zod's wording ("无效输入：期望 string，实际接收 undefined") means nothing to an office clerk.
    const value = valueAt(input, issue.path);
    message =
      value === undefined || value === null || value === '' ? `请填写${label ?? ''}` : `${label ?? ''}格式不正确`;
  }
  return label ? `${label}：${message}` : message;
}

function labelFor(path: readonly string[], labels: FieldLabels): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const label = labels[path.slice(0, n).join('.')];
    if (label) return label;
  }
  return undefined;
}

/** The value at a zod issue's path in the input (undefined where the path leaves the object). */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
