import { z } from 'zod';
import { optionalText, optionalPhoneSchema, recordMetaSchema, requiredText } from './common';

/** Kinds of member unit (成员单位类别), DOMAIN.md "Unit". */
export const UNIT_KINDS = [
  'township', // 乡镇/街道
  'district_department', // 区直执法部门
  'functional_section', // 职能科室
  'dispatched_agency', // 派驻机构
  'enforcement_team', // 综合执法队
  'justice_office', // 司法所
  'discipline_committee', // 纪工委
  'community_group', // 包社区工作组
  'district_government', // 区政府
] as const;
export const unitKindSchema = z.enum(UNIT_KINDS, { message: '请选择单位类别' });
export type UnitKind = z.infer<typeof unitKindSchema>;

/** Editable fields of a unit, as entered in the form or an import row. */
export const unitInputSchema = z.object({
  name: requiredText('单位名称', 60),
  shortName: optionalText('简称', 20),
  kind: unitKindSchema,
  liaisonName: optionalText('联络人姓名', 20),
  liaisonPhone: optionalPhoneSchema,
  note: optionalText('备注', 500),
});
export type UnitInput = z.infer<typeof unitInputSchema>;

export const unitSchema = recordMetaSchema.extend(unitInputSchema.shape).extend({
  archived: z.boolean(),
  archivedAt: z.string().optional(),
});
export type Unit = z.infer<typeof unitSchema>;
