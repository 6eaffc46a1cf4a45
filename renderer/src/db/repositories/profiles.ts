import { DomainError, userProfileInputSchema, type UserProfile } from '../../../../shared/domain';
import { auditedWrite, readCurrentProfile, SETTING_KEYS, type DataLayerContext } from '../audited-write';
import type { ProfilesRepository } from '../types';
import { parseOrThrow, PROFILE_FIELD_LABELS } from '../validation';

export function createProfilesRepository(ctx: DataLayerContext): ProfilesRepository {
  const { db } = ctx;
  return {
    async list() {
      const all = await db.profiles.toArray();
      return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    current: () => db.transaction('r', [db.settings, db.profiles], () => readCurrentProfile(db)),

    async create(input) {
      const parsed = parseOrThrow(userProfileInputSchema, input, PROFILE_FIELD_LABELS);
      return auditedWrite(
        ctx,
        [db.units],
        async (audit) => {
          if (parsed.unitId) await assertUnit(ctx, parsed.unitId);
          const profile: UserProfile = { ...parsed, id: ctx.newId(), createdAt: ctx.now().toISOString() };
          await db.profiles.add(profile);
          await db.settings.put({ key: SETTING_KEYS.currentProfile, value: profile.id });
          // Whoever creates a profile is at the keyboard as that profile from now on.
          audit.setActor(profile);
          audit.record({ entity: 'profile', entityId: profile.id, action: 'create', before: null, after: profile });
          return profile;
        },
        { requireProfile: false },
      );
    },

    async setUnit(id, unitId) {
      return auditedWrite(ctx, [db.units], async (audit) => {
        const before = await db.profiles.get(id);
        if (!before) throw new DomainError('not-found', '找不到该用户');
        // A profile's unit decides which tasks a liaison may report on: only that person (or the office) sets it.
        if (audit.currentActor.id !== id && audit.currentActor.role !== 'office_staff') {
          throw new DomainError('forbidden', '只能为自己或由办公室工作人员设置所属单位');
        }
        const unit = unitId ? await assertUnit(ctx, unitId) : undefined;
        const { unitId: _old, ...rest } = before;
        const after: UserProfile = unit ? { ...rest, unitId: unit.id } : rest;
        await db.profiles.put(after);
        audit.record({ entity: 'profile', entityId: id, action: 'update', before, after });
        return after;
      });
    },

    async switchTo(id) {
      return auditedWrite(
        ctx,
        [],
        async (audit) => {
          const profile = await db.profiles.get(id);
          if (!profile) throw new DomainError('not-found', '找不到该用户');
          const previous = await readCurrentProfile(db);
          if (previous?.id === id) return profile;
          await db.settings.put({ key: SETTING_KEYS.currentProfile, value: id });
          audit.setActor(profile);
          audit.record({
            entity: 'settings',
            entityId: SETTING_KEYS.currentProfile,
            action: 'update',
            before: previous ? { profileId: previous.id, name: previous.name } : null,
            after: { profileId: profile.id, name: profile.name },
          });
          return profile;
        },
        { requireProfile: false },
      );
    },
  };
}

async function assertUnit(ctx: DataLayerContext, unitId: string) {
  const unit = await ctx.db.units.get(unitId);
  if (!unit) throw new DomainError('not-found', '所属成员单位：找不到该单位，可能已被删除');
  if (unit.archived) throw new DomainError('validation', `所属成员单位：“${unit.name}”已归档，请选择其他单位`);
  return unit;
}
