import { isDomainError } from '../../../shared/domain/errors';

/** An error whose message is written for the user (Chinese, says what to do). */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

const ERRNO_MESSAGES: Readonly<Record<string, string>> = {
  EACCES: '没有访问该文件或文件夹的权限，请换一个位置或联系管理员。',
  EPERM: '操作系统拒绝了该操作，请换一个位置或检查文件是否被占用。',
  EBUSY: '文件正被其他程序占用，请关闭该程序后重试。',
  ENOSPC: '磁盘空间不足，请清理磁盘后重试。',
  EROFS: '该位置是只读的，请换一个位置保存。',
  ENOENT: '文件或文件夹不存在，可能已被移动或删除。',
  EISDIR: '所选路径是文件夹，请选择一个文件。',
  ENAMETOOLONG: '文件路径过长，请换一个较短的位置或文件名。',
  EMFILE: '打开的文件过多，请稍后重试。',
};

/**
 * The message the renderer shows for an error thrown by a handler. Known errors keep their message;
 * file-system errors get a Chinese explanation instead of `EACCES: permission denied, open '…'`;
 * anything else becomes a generic message (the detail goes to the log, not to the page).
 */
export function describeError(error: unknown): string {
  if (error instanceof UserFacingError || isDomainError(error)) return error.message;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return ERRNO_MESSAGES[code] ?? '操作失败，发生了意外错误。请重试；如果问题持续存在，请联系技术支持。';
}
