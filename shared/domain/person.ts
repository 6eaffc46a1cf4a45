import { z } from 'zod';
import { idSchema, optionalText, optionalPhoneSchema, recordMetaSchema, requiredText } from './common';

/** Joint-meeting roles (联席会议职务), DOMAIN.md "Person". `none` = staff with no joint-meeting role. */
export const MEETING_ROLES = [
  'chief_convener', // 总召集人
  'convener', // 召集人
  'member', // 成员
  'liaison', // 联络员
  'office_staff', // 办公室工作人员
  'none', // 无
] as const;
export const meetingRoleSchema = z.enum(MEETING_ROLES, { message: '请选择联席会议职务' });
export type MeetingRole = z.infer<typeof meetingRoleSchema>;

export const personInputSchema = z.object({
  name: requiredText('姓名', 20),
  unitId: idSchema.describe('所属单位'),
  post: optionalText('职务', 40),
  role: meetingRoleSchema,
  phone: optionalPhoneSchema,
});
export type PersonInput = z.infer<typeof personInputSchema>;

export const personSchema = recordMetaSchema.extend(personInputSchema.shape).extend({
  archived: z.boolean(),
  archivedAt: z.string().optional(),
});
export type Person = z.infer<typeof personSchema>;

/** Whether a person takes part in the joint meeting by role (invited by default to meetings). */
export function hasJointMeetingRole(role: MeetingRole): boolean {
  return role !== 'none';
}
