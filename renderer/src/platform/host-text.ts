import i18n from 'i18next';

type HostTextKey = 'tooLarge' | 'wrongType' | 'readFailed' | 'browserDataPath' | 'noBackupFolder';

/** The host's own user-facing messages (the `common:host.*` keys), in the current language. */
export function hostText(key: HostTextKey, values?: Record<string, string>): string {
  return i18n.t(`common:host.${key}`, values);
}
