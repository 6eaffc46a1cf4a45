export { initI18n, setLanguage, currentLanguage } from './i18n';
export { SUPPORTED_LANGUAGES, DEFAULT_LANGUAGE, type AppLanguage } from './languages';
export { useAppLanguage } from './use-app-language';
