import { z } from 'zod';
import {
  DomainError,
  idSchema,
  requiredText,
  RULE_PRESETS,
  ruleProfileSchema,
  ruleValuesSchema,
  type RuleProfile,
} from '../../../../shared/domain';
import { auditedWrite, SETTING_KEYS, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import type { JointDeskDB } from '../database';
import type { RulesRepository } from '../types';
import { parseOrThrow, RULE_FIELD_LABELS } from '../validation';
import { zhCollator } from './list-helpers';

const customInputSchema = z.object({
  id: idSchema.optional(),
  name: requiredText('规则名称', 40),
  values: ruleValuesSchema,
});

const isPreset = (id: string) => RULE_PRESETS.some((p) => p.id === id);

export function createRulesRepository(ctx: DataLayerContext): RulesRepository {
  const { db } = ctx;
  return {
    list: () => db.transaction('r', [db.ruleProfiles], () => listAll(db)),

    active: () => db.transaction('r', [db.ruleProfiles, db.settings], () => readActive(db)),

    async setActive(id) {
      return auditedWrite(ctx, [db.ruleProfiles], async (audit) => {
        guard(audit, 'rules.manage');
        const target = await findProfile(db, id);
        if (!target) throw new DomainError('not-found', '找不到该时限规则');
        const previous = await readActive(db);
        if (previous.id === id) return;
        await db.settings.put({ key: SETTING_KEYS.activeRuleProfile, value: id });
        audit.record({
          entity: 'settings',
          entityId: SETTING_KEYS.activeRuleProfile,
          action: 'update',
          before: { ruleProfileId: previous.id, name: previous.name },
          after: { ruleProfileId: target.id, name: target.name },
        });
      });
    },

    async saveCustom(input) {
      const parsed = parseOrThrow(customInputSchema, input, RULE_FIELD_LABELS);
      if (parsed.id !== undefined && isPreset(parsed.id)) {
        throw new DomainError('validation', '预设规则不能修改，请另存为自定义规则');
      }
      return auditedWrite(ctx, [db.ruleProfiles], async (audit) => {
        guard(audit, 'rules.manage');
        const before = parsed.id !== undefined ? await db.ruleProfiles.get(parsed.id) : undefined;
        const profile = ruleProfileSchema.parse({
          id: before?.id ?? parsed.id ?? ctx.newId(),
          name: parsed.name,
          preset: false,
          values: parsed.values,
        });
        const clash = (await listAll(db)).find((p) => p.name === profile.name && p.id !== profile.id);
        if (clash) throw new DomainError('conflict', `已存在同名规则“${profile.name}”`);
        await db.ruleProfiles.put(profile);
        audit.record({
          entity: 'ruleProfile',
          entityId: profile.id,
          action: before ? 'update' : 'create',
          before: before ?? null,
          after: profile,
        });
        return profile;
      });
    },

    async removeCustom(id) {
      if (isPreset(id)) throw new DomainError('validation', '预设规则不能删除');
      return auditedWrite(ctx, [db.ruleProfiles], async (audit) => {
        guard(audit, 'rules.manage');
        const before = await db.ruleProfiles.get(id);
        if (!before) throw new DomainError('not-found', '找不到该时限规则');
        if ((await readActive(db)).id === id) {
          throw new DomainError('conflict', '该规则正在使用，请先启用其他规则再删除');
        }
        await db.ruleProfiles.delete(id);
        audit.record({ entity: 'ruleProfile', entityId: id, action: 'delete', before, after: null });
      });
    },
  };
}

async function listAll(db: JointDeskDB): Promise<RuleProfile[]> {
  const custom = await db.ruleProfiles.toArray();
  return [...RULE_PRESETS.map(copyPreset), ...custom.sort((a, b) => zhCollator.compare(a.name, b.name))];
}

async function findProfile(db: JointDeskDB, id: string): Promise<RuleProfile | undefined> {
  const preset = RULE_PRESETS.find((p) => p.id === id);
  return preset ? copyPreset(preset) : await db.ruleProfiles.get(id);
}

/** Presets are shared constants; callers get copies they may change freely. */
function copyPreset(p: RuleProfile): RuleProfile {
  return { ...p, values: { ...p.values } };
}

/** The chosen profile, or the first preset when none was chosen or the chosen one is gone (usable inside other transactions: reads settings and ruleProfiles). */
export async function readActive(db: JointDeskDB): Promise<RuleProfile> {
  const row = await db.settings.get(SETTING_KEYS.activeRuleProfile);
  const chosen = typeof row?.value === 'string' ? await findProfile(db, row.value) : undefined;
  return chosen ?? copyPreset(RULE_PRESETS[0]!);
}
