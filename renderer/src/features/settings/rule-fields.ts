import { type RuleValues } from '../../../../shared/domain/rule-profile';

export type RuleUnit = 'times' | 'workingDays' | 'hours';

/**
 * Every field of ruleValuesSchema with its unit, in the order the table and form show them. Labels:
 * `settings:rules.fields.<key>`, units: `settings:rules.units.<unit>`. Typed as a full record so a new
 * schema field fails to compile until it gets a row here.
 */
const UNITS: Record<keyof RuleValues, RuleUnit> = {
  meetingsPerQuarter: 'times',
  transferWorkingDays: 'workingDays',
  transferUrgentHours: 'hours',
  writtenAfterOralHours: 'hours',
  receiptNoticeWorkingDays: 'workingDays',
  assistanceWorkingDays: 'workingDays',
  transferExtensionCapWorkingDays: 'workingDays',
  warningWorkingDays: 'workingDays',
};

export const RULE_FIELDS = (Object.keys(UNITS) as (keyof RuleValues)[]).map((key) => ({ key, unit: UNITS[key] }));
