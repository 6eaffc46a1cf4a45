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
        [],
        async (audit) => {
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
