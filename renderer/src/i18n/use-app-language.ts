import { useTranslation } from 'react-i18next';
import { isAppLanguage, DEFAULT_LANGUAGE, type AppLanguage } from './languages';

/** The current interface language; re-renders the caller when it changes. */
export function useAppLanguage(): AppLanguage {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isAppLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}
