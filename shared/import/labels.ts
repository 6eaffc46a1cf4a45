import type { MeetingRole } from '../domain/person';
import type { UnitKind } from '../domain/unit';

/**
 * Chinese labels of the enums as they are written in the import workbook (and its template's
 * drop-down lists). The UI shows labels through i18n; these are the file format's words.
 */
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = Object.freeze({
  township: '乡镇/街道',
  district_department: '区直执法部门',
  functional_section: '职能科室',
  dispatched_agency: '派驻机构',
  enforcement_team: '综合执法队',
  justice_office: '司法所',
  discipline_committee: '纪工委',
  community_group: '包社区工作组',
  district_government: '区政府',
});

export const MEETING_ROLE_LABELS: Readonly<Record<MeetingRole, string>> = Object.freeze({
  chief_convener: '总召集人',
  convener: '召集人',
  member: '成员',
  liaison: '联络员',
  office_staff: '办公室工作人员',
  none: '无',
});

function reverse<K extends string>(labels: Readonly<Record<K, string>>): ReadonlyMap<string, K> {
  return new Map((Object.entries(labels) as [K, string][]).map(([k, label]) => [label, k]));
}

const UNIT_KIND_BY_LABEL = reverse(UNIT_KIND_LABELS);
const MEETING_ROLE_BY_LABEL = reverse(MEETING_ROLE_LABELS);

/** The unit kind a label names, or undefined (a Map lookup: `__proto__` or `constructor` never match). */
export function unitKindFromLabel(label: string): UnitKind | undefined {
  return UNIT_KIND_BY_LABEL.get(label.trim());
}

/** The joint-meeting role a label names; an empty cell means 无. */
export function meetingRoleFromLabel(label: string): MeetingRole | undefined {
  const l = label.trim();
  return l === '' ? 'none' : MEETING_ROLE_BY_LABEL.get(l);
}
