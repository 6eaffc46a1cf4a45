/** Languages the interface ships in; zh-CN is the default and the fallback for any missing key. */
export const SUPPORTED_LANGUAGES = ['zh-CN', 'en'] as const;
export type AppLanguage = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: AppLanguage = 'zh-CN';

/** localStorage key of the language the user picked in 设置 → 关于. */
export const LANGUAGE_STORAGE_KEY = 'jointdesk.language';

export function isAppLanguage(v: unknown): v is AppLanguage {
  return typeof v === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(v);
}
