import { z } from 'zod';
import { idSchema, requiredText } from './common';

/** Application roles of the local user (who is at the keyboard), distinct from joint-meeting roles. */
export const USER_ROLES = ['office_staff', 'convener', 'supervisor', 'liaison'] as const;
export const userRoleSchema = z.enum(USER_ROLES, { message: '请选择角色' });
export type UserRole = z.infer<typeof userRoleSchema>;

export const userProfileInputSchema = z.object({
  name: requiredText('姓名', 20),
  unitName: requiredText('所在单位', 60),
  role: userRoleSchema,
  /** The unit the user belongs to (a liaison acts on tasks of this unit only); optional for older profiles. */
  unitId: idSchema.optional(),
});
export type UserProfileInput = z.infer<typeof userProfileInputSchema>;

export const userProfileSchema = userProfileInputSchema.extend({
  id: idSchema,
  createdAt: z.string(),
});
export type UserProfile = z.infer<typeof userProfileSchema>;

/** Who an audit entry is attributed to. */
export interface Actor {
  profileId: string;
  name: string;
  role: UserRole;
}
