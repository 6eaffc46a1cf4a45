import { z } from 'zod';
import {
  attachmentSchema,
  auditEntrySchema,
  minutesVersionSchema,
  ruleProfileSchema,
  userProfileSchema,
} from '../../../../shared/domain';
import { DATASET_SCHEMAS } from '../../../../shared/demo/integrity';

/**
 * The zod schema every row of a table must satisfy to be restored (rows keep their own fields: the
 * schema only decides yes or no). Tables of the current schema only; a backup table not listed here
 * is refused.
 */
export const BACKUP_TABLE_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  ...DATASET_SCHEMAS,
  attachments: attachmentSchema,
  minutesVersions: minutesVersionSchema,
  ruleProfiles: ruleProfileSchema,
  profiles: userProfileSchema,
  settings: z.object({ key: z.string().min(1).max(200), value: z.unknown() }),
  audit: auditEntrySchema,
  drafts: z.object({ id: z.string().min(1), entity: z.string(), content: z.unknown(), updatedAt: z.string() }),
};

/** Chinese table names for messages. */
export const TABLE_LABELS: Readonly<Record<string, string>> = {
  units: '单位',
  people: '人员',
  meetings: '会议',
  attendance: '出席记录',
  agendaItems: '议程',
  topics: '议题',
  attachments: '附件',
  disputes: '争议',
  minutes: '会议纪要',
  minutesVersions: '纪要版本',
  resolutions: '议定事项',
  taskEvents: '督办记录',
  ruleProfiles: '时限规则',
  profiles: '用户',
  settings: '设置',
  audit: '审计记录',
  drafts: '草稿',
};
