import type { AuditAction, AuditEntry, AuditedEntity } from './audit';
import type { Meeting } from './meeting';
import { meetingOfficialName } from './meeting-names';

/**
 * How the audit trail names what an entry is about: 执法争议 城关执争〔2026〕9号, 议题《…》, the meeting by
 * its official name, a unit or person by name, a system entry by what it was (执法争议台账). The record's
 * current name comes from lookups read by id for the entries on screen only; the entry's own snapshot
 * is the fallback (a record deleted since).
 */

/** Chinese names of the audited entities (the same words as the settings screen's 对象 column). */
export const AUDIT_ENTITY_LABELS: Record<AuditedEntity, string> = {
  unit: '成员单位',
  person: '人员',
  meeting: '会议',
  attendance: '出席记录',
  agendaItem: '议程事项',
  topic: '议题',
  attachment: '附件',
  dispute: '执法争议',
  minutes: '会议纪要',
  resolution: '议定事项',
  taskEvent: '督办记录',
  ruleProfile: '时限规则',
  profile: '用户',
  settings: '设置',
  system: '系统',
};

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: '新建',
  update: '修改',
  archive: '归档',
  restore: '恢复',
  transition: '状态变更',
  import: '导入',
  export: '导出',
  reveal: '查看敏感信息',
  delete: '删除',
  'demo-load': '载入演示数据',
  migrate: '数据升级',
};

/** Entity id of an exported audit trail (entity 'system', action 'export'). */
export const AUDIT_TRAIL_EXPORT_ID = 'audit.trail';

/** Entity id of a restore from a backup (entity 'system', action 'restore'). */
export const DATABASE_RESTORE_ID = 'database';

/** Readable names of the 'system' entries (exports of whole ledgers and forms, the database as restored). */
const SYSTEM_NAMES: Readonly<Record<string, string>> = {
  [DATABASE_RESTORE_ID]: '全部数据（从备份恢复）',
  'disputes.ledger': '执法争议台账',
  'followup-ledger': '督办事项台账',
  statistics: '统计报表',
  [AUDIT_TRAIL_EXPORT_ID]: '审计记录',
};

/** Readable names of the 'settings' entries (setting keys). */
const SETTING_NAMES: Readonly<Record<string, string>> = {
  'profile.current': '当前用户',
  'rules.active': '启用的时限规则',
  'disputes.thresholds': '执法争议滞留提醒',
  'documents.office': '公文落款与联系人',
  'documents.noticeNumbers': '会议通知文号',
  'followup.noticeNumbers': '督办通知文号',
  'minutes.template': '会议纪要模板',
  'calendar.imported': '工作日日历',
};

/** Id prefixes of 'system' entries whose id carries a per-document part (`feedback-form:<formId>`). */
const SYSTEM_PREFIXES: readonly (readonly [string, string])[] = [['feedback-form:', '成员单位反馈表']];

type MeetingNaming = Pick<Meeting, 'year' | 'sequence' | 'kind'>;

/** Current names of the records entries speak of, by id (only what the shown entries need). */
export interface AuditLookups {
  disputes: ReadonlyMap<string, { number: string }>;
  topics: ReadonlyMap<string, { title: string }>;
  meetings: ReadonlyMap<string, MeetingNaming>;
  units: ReadonlyMap<string, { name: string }>;
  people: ReadonlyMap<string, { name: string }>;
  profiles: ReadonlyMap<string, { name: string }>;
  resolutions: ReadonlyMap<string, { content: string }>;
}
export type AuditLookupTable = keyof AuditLookups;
export const AUDIT_LOOKUP_TABLES: readonly AuditLookupTable[] = [
  'disputes',
  'topics',
  'meetings',
  'units',
  'people',
  'profiles',
  'resolutions',
];

export function emptyAuditLookups(): AuditLookups {
  return {
    disputes: new Map(),
    topics: new Map(),
    meetings: new Map(),
    units: new Map(),
    people: new Map(),
    profiles: new Map(),
    resolutions: new Map(),
  };
}

/** The lookup table of an entity's own records (entities without a name of their own have none). */
const OWN_TABLE: Partial<Record<AuditedEntity, AuditLookupTable>> = {
  dispute: 'disputes',
  topic: 'topics',
  meeting: 'meetings',
  unit: 'units',
  person: 'people',
  profile: 'profiles',
  resolution: 'resolutions',
};

/**
 * The lookup table a snapshot field refers to by its name (`firstHandlingUnitId`, `partyUnitIds`,
 * `chairPersonId`, `relatedTopicId`, `signedByProfileId` …), or undefined for a plain field.
 */
export function referenceTable(field: string): AuditLookupTable | undefined {
  const m = /(^|[a-z])(unit|person|meeting|topic|dispute|resolution|profile)Ids?$/i.exec(field);
  if (!m) return undefined;
  const kind = m[2]!.toLowerCase();
  return kind === 'person' ? 'people' : (`${kind}s` as AuditLookupTable);
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The entry's newest snapshot (after, else before). */
function snapshotOf(e: AuditEntry): Record<string, unknown> {
  return asRecord(e.after) ?? asRecord(e.before) ?? {};
}

/**
 * The ids to look up for `entries`: with scope 'subject' what their names need (the record itself,
 * the meeting and person of an attendance row …); with 'all' also every record their snapshots refer
 * to, for the field-by-field view of one entry.
 */
export function auditReferences(
  entries: readonly AuditEntry[],
  scope: 'subject' | 'all' = 'subject',
): Record<AuditLookupTable, string[]> {
  const sets = Object.fromEntries(AUDIT_LOOKUP_TABLES.map((t) => [t, new Set<string>()])) as Record<
    AuditLookupTable,
    Set<string>
  >;
  const add = (table: AuditLookupTable | undefined, id: unknown) => {
    if (table && typeof id === 'string' && id !== '') sets[table].add(id);
  };
  for (const e of entries) {
    add(OWN_TABLE[e.entity], e.entityId);
    const s = snapshotOf(e);
    if (e.entity === 'attendance') add('people', s.personId);
    if (e.entity === 'attendance' || e.entity === 'agendaItem' || e.entity === 'minutes') add('meetings', s.meetingId);
    if (e.entity === 'taskEvent') add('resolutions', s.resolutionId);
    if (e.entity === 'attachment' && typeof s.ownerType === 'string') add(attachmentOwnerTable(s.ownerType), s.ownerId);
    if (scope === 'all') {
      for (const snap of [asRecord(e.before), asRecord(e.after)]) {
        if (!snap) continue;
        for (const [k, v] of Object.entries(snap)) {
          const table = referenceTable(k);
          if (Array.isArray(v)) v.forEach((id) => add(table, id));
          else add(table, v);
          // 各方意见 is keyed by the party's unit id.
          if (k === 'positions') Object.keys(asRecord(v) ?? {}).forEach((id) => add('units', id));
          const nested = asRecord(v);
          if (nested && k !== 'positions') for (const [nk, nv] of Object.entries(nested)) add(referenceTable(nk), nv);
        }
      }
    }
  }
  return Object.fromEntries(AUDIT_LOOKUP_TABLES.map((t) => [t, [...sets[t]]])) as Record<AuditLookupTable, string[]>;
}

function attachmentOwnerTable(ownerType: string): AuditLookupTable | undefined {
  if (ownerType === 'topic') return 'topics';
  if (ownerType === 'dispute') return 'disputes';
  if (ownerType === 'resolution' || ownerType === 'progress') return 'resolutions';
  return undefined;
}

/** Longest free text (a resolution's content) used as a name. */
const MAX_NAME = 30;

function cut(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  const chars = Array.from(one);
  return chars.length > MAX_NAME ? `${chars.slice(0, MAX_NAME).join('')}…` : one;
}

function isMeetingNaming(v: unknown): v is MeetingNaming {
  const r = asRecord(v);
  return !!r && typeof r.year === 'number' && typeof r.sequence === 'number' && typeof r.kind === 'string';
}

/** The official name of a meeting by id, or undefined when neither the lookups nor `snapshot` have it. */
function meetingName(lookups: AuditLookups, id: unknown, snapshot?: unknown): string | undefined {
  const m =
    (typeof id === 'string' ? lookups.meetings.get(id) : undefined) ??
    (isMeetingNaming(snapshot) ? snapshot : undefined);
  return m ? meetingOfficialName(m) : undefined;
}

function named(map: ReadonlyMap<string, { name: string }>, id: unknown): string | undefined {
  return typeof id === 'string' ? str(map.get(id)?.name) : undefined;
}

function resolutionText(lookups: AuditLookups, id: unknown, snapshot?: Record<string, unknown>): string | undefined {
  const text =
    (typeof id === 'string' ? str(lookups.resolutions.get(id)?.content) : undefined) ?? str(snapshot?.content);
  return text ? cut(text) : undefined;
}

/**
 * The name part of the entry's object (城关执争〔2026〕9号, 《title》, 2026年第三次定期联席会议, a unit's
 * name, 执法争议台账 …), or undefined when nothing readable is known.
 */
export function auditObjectName(e: AuditEntry, lookups: AuditLookups): string | undefined {
  const s = snapshotOf(e);
  const id = e.entityId;
  switch (e.entity) {
    case 'dispute':
      return str(lookups.disputes.get(id)?.number) ?? str(s.number);
    case 'topic': {
      const title = str(lookups.topics.get(id)?.title) ?? str(s.title);
      return title ? `《${title}》` : undefined;
    }
    case 'meeting':
      return meetingName(lookups, id, s);
    case 'unit':
      return named(lookups.units, id) ?? str(s.name);
    case 'person':
      return named(lookups.people, id) ?? str(s.name);
    case 'profile':
      return named(lookups.profiles, id) ?? str(s.name);
    case 'resolution':
      return resolutionText(lookups, id, s);
    case 'attendance': {
      const who = named(lookups.people, s.personId) ?? str(s.guestName) ?? str(s.substituteName);
      const where = meetingName(lookups, s.meetingId);
      return who && where ? `${who}（${where}）` : (who ?? where);
    }
    case 'agendaItem': {
      const title = str(s.title);
      const where = meetingName(lookups, s.meetingId);
      return title && where ? `${title}（${where}）` : (title ?? where);
    }
    case 'minutes':
      return meetingName(lookups, s.meetingId);
    case 'taskEvent':
      return resolutionText(lookups, s.resolutionId);
    case 'attachment':
      return str(s.fileName);
    case 'ruleProfile':
      return str(s.name);
    case 'settings':
      return SETTING_NAMES[id] ?? str(s.document);
    case 'system':
      return SYSTEM_NAMES[id] ?? SYSTEM_PREFIXES.find(([prefix]) => id.startsWith(prefix))?.[1] ?? str(s.document);
  }
}

/**
 * The object as the trail and its export show it: `执法争议 城关执争〔2026〕9号`, `议题《…》`; a system entry
 * by its own name (`执法争议台账`); a record whose name is unknown as `会议（记录已删除）`.
 */
export function auditObjectLabel(e: AuditEntry, lookups: AuditLookups): string {
  const name = auditObjectName(e, lookups);
  const kind = AUDIT_ENTITY_LABELS[e.entity];
  if (e.entity === 'system') return name ?? kind;
  if (!name) return `${kind}（记录已删除）`;
  return e.entity === 'topic' ? `${kind}${name}` : `${kind} ${name}`;
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A stored instant as the office reads it, in Asia/Shanghai: `2026年3月9日 14:05`. */
export function formatAuditTime(ts: string): string {
  const t = Date.parse(ts);
  if (Number.isNaN(t)) return ts;
  const d = new Date(t + SHANGHAI_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * The stored-instant bounds of business days `from`..`to` (inclusive, Asia/Shanghai): `[fromTs, toTs)`
 * as ISO strings comparable with an entry's `ts`.
 */
export function auditDayBounds(from?: string, to?: string): { fromTs?: string; toTs?: string } {
  const start = (day: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    if (!m) throw new Error(`日期格式不正确：${day}`);
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - SHANGHAI_OFFSET_MS;
  };
  return {
    ...(from ? { fromTs: new Date(start(from)).toISOString() } : {}),
    ...(to ? { toTs: new Date(start(to) + 24 * 60 * 60 * 1000).toISOString() } : {}),
  };
}
