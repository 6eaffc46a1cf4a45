import type { AuditEntry, AuditedEntity } from './audit';
import { isContentDigest } from './audit-payload';
import { referenceTable, type AuditLookups, formatAuditTime } from './audit-labels';
import { disputeStateLabel } from './dispute-rules';
import type { DisputeState } from './dispute';
import { formatChineseDate } from './format';
import { meetingOfficialName } from './meeting-names';
import { MEETING_KIND_LABELS, MEETING_STATE_LABELS } from './meeting-rules';
import { MINUTES_STATE_LABELS, RESOLUTION_STATE_LABELS } from './minutes-rules';
import { ROLE_LABELS } from './permissions';
import { maskComplainant } from './topic-privacy';
import type { Complainant } from './topic';
import { TOPIC_STATE_LABELS } from './topic-rules';

/**
 * Before/after of one audit entry as a field-by-field list an office clerk can read: Chinese field
 * labels, dates as 2026年3月9日, states by their labels, referenced records by name, complainant data
 * masked whatever the snapshot holds.
 */

export interface AuditDiffRow {
  /** Property path (`state`, `escalation.focus`). */
  field: string;
  label: string;
  /** '' when the field was absent on that side. */
  before: string;
  after: string;
}

export interface AuditDiffOptions {
  /** Chinese labels by property path for this entity (the repositories' field label maps). */
  labels?: Readonly<Record<string, string>>;
  lookups: AuditLookups;
  /** Label of an enumerated value the domain does not word itself (a topic's category …). */
  enumLabel?: (entity: AuditedEntity, field: string, value: string) => string | undefined;
}

/** Labels of fields every record has or many share; an entity's own labels take precedence. */
const COMMON_LABELS: Readonly<Record<string, string>> = {
  number: '编号',
  name: '名称',
  title: '名称',
  state: '状态',
  stateSince: '状态起始日期',
  archived: '已归档',
  archivedAt: '归档时间',
  reason: '原因',
  document: '文书',
  fileName: '文件名',
  rows: '行数',
  tasks: '督办事项数',
  events: '办理记录数',
  kind: '类别',
  role: '角色',
  unitId: '所属单位',
  meetingId: '会议',
  personId: '人员',
  status: '出席情况',
  observer: '列席',
  leaveReason: '请假原因',
  substituteName: '代会人',
  substitutePersonId: '代会人',
  signedInAt: '签到时间',
  rounds: '协商记录',
  positions: '各方意见',
  escalatedOn: '提请协调日期',
  escalation: '提请协调申请',
  'escalation.matter': '争议事项',
  'escalation.negotiation': '协商情况',
  'escalation.focus': '争议焦点',
  'escalation.reasons': '各方理由和依据',
  'escalation.applicantUnitId': '申请单位',
  designatedUnitId: '指定管辖单位',
  designatedOn: '指定管辖日期',
  closedOn: '结案日期',
  reopenReason: '重新打开原因',
  agendaMeetingId: '列入议程的会议',
  returnReason: '退回原因',
  mergedIntoTopicId: '合并到的议题',
  disputeId: '转为执法争议',
  complainant: '投诉举报人信息',
  'complainant.name': '投诉举报人姓名',
  'complainant.phone': '投诉举报人电话',
  'complainant.idNumber': '投诉举报人身份证号',
  'complainant.address': '投诉举报人地址',
  content: '内容',
  leadUnitId: '牵头单位',
  coUnitIds: '配合单位',
  deadline: '完成时限',
  order: '顺序',
  minutes: '时长（分钟）',
  presenterUnitId: '汇报单位',
  topicId: '议题',
  version: '版本',
  issueNumber: '期号',
  issueYear: '年度',
  signedByName: '签发人',
  signedOn: '签发日期',
};

/** Bookkeeping fields that change with every write and say nothing to the reader. */
const HIDDEN = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'contentHash',
  'data',
  'prevHash',
  'hash',
  // Internal links and keys with no name a reader could use.
  'minutesId',
  'agendaItemId',
  'ownerId',
  'importKey',
  'deadlineWorkingDays',
]);

const STATE_LABELS: Partial<Record<AuditedEntity, (s: string) => string | undefined>> = {
  dispute: (s) => disputeStateLabel(s as DisputeState) as string | undefined,
  topic: (s) => (TOPIC_STATE_LABELS as Record<string, string>)[s],
  meeting: (s) => (MEETING_STATE_LABELS as Record<string, string>)[s],
  minutes: (s) => (MINUTES_STATE_LABELS as Record<string, string>)[s],
  resolution: (s) => (RESOLUTION_STATE_LABELS as Record<string, string>)[s],
};

const ATTENDANCE_LABELS: Readonly<Record<string, string>> = {
  invited: '待确认',
  present: '出席',
  leave: '请假',
  absent: '缺席',
  substituted: '代会',
};

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Complainant data masked in any snapshot, whatever was stored (PII-2). */
function masked(snapshot: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!snapshot) return undefined;
  const c = asRecord(snapshot.complainant);
  return c ? { ...snapshot, complainant: maskComplainant(c as Complainant) } : snapshot;
}

function nameOf(lookups: AuditLookups, field: string, id: string): string | undefined {
  const table = referenceTable(field);
  if (!table) return undefined;
  if (table === 'meetings') {
    const m = lookups.meetings.get(id);
    return m ? meetingOfficialName(m) : '（记录已删除）';
  }
  const row = lookups[table].get(id) as
    { name?: string; title?: string; number?: string; content?: string } | undefined;
  if (!row) return '（记录已删除）';
  return row.name ?? row.number ?? (row.title !== undefined ? `《${row.title}》` : undefined) ?? row.content;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One value as text. */
function formatValue(entity: AuditedEntity, field: string, v: unknown, o: AuditDiffOptions, labels: Labels): string {
  if (v === undefined || v === null || v === '') return '';
  const leaf = field.split('.').at(-1)!;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if (referenceTable(leaf)) return nameOf(o.lookups, leaf, v) ?? v;
    if (leaf === 'state') return STATE_LABELS[entity]?.(v) ?? o.enumLabel?.(entity, field, v) ?? v;
    if (entity === 'attendance' && leaf === 'status') return ATTENDANCE_LABELS[v] ?? v;
    if (entity === 'meeting' && leaf === 'kind') return (MEETING_KIND_LABELS as Record<string, string>)[v] ?? v;
    if (leaf === 'role' && v in ROLE_LABELS) return ROLE_LABELS[v as keyof typeof ROLE_LABELS];
    if (ISO_DATE.test(v)) return formatChineseDate(v);
    if (ISO_INSTANT.test(v)) return formatAuditTime(v);
    // A local date-time as stored for meetings (`2026-03-09T09:30`): Shanghai wall time already.
    if (ISO_LOCAL.test(v)) return `${formatChineseDate(v)} ${v.slice(11, 16)}`;
    return o.enumLabel?.(entity, field, v) ?? v;
  }
  if (Array.isArray(v)) {
    const parts = v.map((item) =>
      asRecord(item)
        ? Object.entries(item as Record<string, unknown>)
            .map(([k, x]) => formatValue(entity, `${field}.${k}`, x, o, labels))
            .filter((s) => s !== '')
            .join('，')
        : formatValue(entity, field, item, o, labels),
    );
    return parts.some((p) => p.includes('，')) ? parts.map((p, i) => `${i + 1}. ${p}`).join('\n') : parts.join('、');
  }
  if (isContentDigest(v)) return `（内容较长，记录其摘要：${v.chars} 字符，SHA-256 ${v.hash.slice(0, 12)}…）`;
  const r = asRecord(v);
  if (!r) return String(v);
  if (leaf === 'positions') {
    // 各方意见: keyed by the party's unit.
    return Object.entries(r)
      .map(
        ([unitId, text]) =>
          `${nameOf(o.lookups, 'unitId', unitId) ?? unitId}：${formatValue(entity, field, text, o, labels)}`,
      )
      .join('\n');
  }
  if (entity === 'minutes' && leaf === 'content') return '（纪要正文）';
  return Object.entries(r)
    .map(([k, x]) => {
      const text = formatValue(entity, `${field}.${k}`, x, o, labels);
      return text ? `${labels(`${field}.${k}`, k)}：${text}` : '';
    })
    .filter((s) => s !== '')
    .join('；');
}

type Labels = (path: string, leaf: string) => string;

/** Nested objects whose parts are listed as their own rows (so a changed 争议焦点 shows alone). */
const SPREAD = new Set(['escalation', 'complainant', 'values']);

/**
 * The fields that differ between the entry's before and after, in the after's field order (then the
 * fields only the before had). A create lists every filled field with an empty before; a delete the
 * reverse; an export or reveal what it recorded.
 */
export function auditDiff(e: AuditEntry, o: AuditDiffOptions): AuditDiffRow[] {
  const own = o.labels ?? {};
  const labels: Labels = (path, leaf) => own[path] ?? COMMON_LABELS[path] ?? own[leaf] ?? COMMON_LABELS[leaf] ?? leaf;
  const before = masked(asRecord(e.before)) ?? {};
  const after = masked(asRecord(e.after)) ?? {};
  const flat = (snap: Record<string, unknown>) => {
    const out = new Map<string, unknown>();
    for (const [k, v] of Object.entries(snap)) {
      if (HIDDEN.has(k)) continue;
      const nested = asRecord(v);
      if (nested && SPREAD.has(k) && !isContentDigest(nested))
        for (const [nk, nv] of Object.entries(nested)) out.set(`${k}.${nk}`, nv);
      else out.set(k, v);
    }
    return out;
  };
  const b = flat(before);
  const a = flat(after);
  const keys = [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))];
  const rows: AuditDiffRow[] = [];
  for (const field of keys) {
    const bv = formatValue(e.entity, field, b.get(field), o, labels);
    const av = formatValue(e.entity, field, a.get(field), o, labels);
    if (bv === av && JSON.stringify(b.get(field)) === JSON.stringify(a.get(field))) continue;
    if (bv === '' && av === '') continue;
    rows.push({ field, label: labels(field, field.split('.').at(-1)!), before: bv, after: av });
  }
  return rows;
}
