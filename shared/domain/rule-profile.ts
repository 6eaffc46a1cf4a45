import { z } from 'zod';
import { requiredText } from './common';

/** A whole number from 1 to `max`; every refusal says the allowed range (the form shows it as typed). */
const days = (label: string, max = 60) => {
  const range = `${label}应为 1 至 ${max} 之间的整数`;
  return z
    .number({ message: `请填写${label}` })
    .int(range)
    .min(1, range)
    .max(max, range);
};

/** 时限规则 — the locality's numbers (DOMAIN.md "Rule profile"). Working days unless the name says hours. */
export const ruleValuesSchema = z.object({
  /** Regular meetings per quarter (每季度至少召开次数). */
  meetingsPerQuarter: days('每季度定期会议次数', 12),
  /** Case transfer limit (案件移送时限), working days. */
  transferWorkingDays: days('案件移送时限'),
  /** Urgent case transfer limit, hours. */
  transferUrgentHours: days('紧急移送时限（小时）', 168),
  /** Written hand-over after an oral one, hours. */
  writtenAfterOralHours: days('口头移送后书面补办时限（小时）', 168),
  /** Receipt notice (受理告知), working days. */
  receiptNoticeWorkingDays: days('受理告知时限'),
  /** Assistance opinion (协助意见答复), working days. */
  assistanceWorkingDays: days('协助答复时限'),
  /** Transfer extension cap (移送延长上限), working days. */
  transferExtensionCapWorkingDays: days('移送延长上限'),
  /** Warning window before a deadline (临期提醒), working days. */
  warningWorkingDays: days('临期提醒窗口', 30),
});
export type RuleValues = z.infer<typeof ruleValuesSchema>;

export const ruleProfileSchema = z.object({
  id: z.string().min(1),
  name: requiredText('规则名称', 40),
  /** Source document the preset comes from; absent for custom profiles. */
  source: z.string().max(200).optional(),
  preset: z.boolean(),
  values: ruleValuesSchema,
});
export type RuleProfile = z.infer<typeof ruleProfileSchema>;

/**
 * Presets from the seeds' localities (../shared/seeds/README.md). Where a document is silent on a
 * number, the value of the nearest other locality is used and said in `source`.
 */
export const RULE_PRESETS: readonly RuleProfile[] = [
  {
    id: 'preset-jianyang',
    name: '南平市建阳区',
    source:
      '南平市建阳区人民政府办公室，2023年9月14日：移送3个工作日，书面补办24小时，受理告知3个工作日，协助7个工作日',
    preset: true,
    values: {
      meetingsPerQuarter: 1,
      transferWorkingDays: 3,
      transferUrgentHours: 24,
      writtenAfterOralHours: 24,
      receiptNoticeWorkingDays: 3,
      assistanceWorkingDays: 7,
      transferExtensionCapWorkingDays: 5,
      warningWorkingDays: 3,
    },
  },
  {
    id: 'preset-weibin',
    name: '卫滨区',
    source: '卫滨区人民政府办公室，2024年2月4日：移送3个工作日（紧急24小时），协助意见5个工作日',
    preset: true,
    values: {
      meetingsPerQuarter: 1,
      transferWorkingDays: 3,
      transferUrgentHours: 24,
      writtenAfterOralHours: 24,
      receiptNoticeWorkingDays: 3,
      assistanceWorkingDays: 5,
      transferExtensionCapWorkingDays: 5,
      warningWorkingDays: 3,
    },
  },
  {
    id: 'preset-xintang',
    name: '晋江市新塘街道',
    source:
      '晋江市新塘街道办事处，2022年11月21日：每季度至少一次；移送3个工作日、最长5个工作日，紧急24小时，受理告知5个工作日',
    preset: true,
    values: {
      meetingsPerQuarter: 1,
      transferWorkingDays: 3,
      transferUrgentHours: 24,
      writtenAfterOralHours: 24,
      receiptNoticeWorkingDays: 5,
      assistanceWorkingDays: 5,
      transferExtensionCapWorkingDays: 5,
      warningWorkingDays: 3,
    },
  },
];

/** Starting values for a new custom profile (copied from the 新塘 preset, which names the most numbers). */
export function newCustomProfile(id: string, name = '自定义规则'): RuleProfile {
  const base = RULE_PRESETS[2]!;
  return { id, name, preset: false, values: { ...base.values } };
}
