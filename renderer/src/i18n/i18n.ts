import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { collectResources } from './collect-resources';
import { DEFAULT_LANGUAGE, isAppLanguage, LANGUAGE_STORAGE_KEY, type AppLanguage } from './languages';

const modules = import.meta.glob('./locales/*/*.json', { eager: true });
const { resources, namespaces } = collectResources(modules);

function storedLanguage(): AppLanguage {
  try {
    const v = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isAppLanguage(v) ? v : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/**
 * Initialises the shared i18next instance synchronously (resources are bundled), so the first render
 * already has its texts. Call once, before rendering.
 */
export function initI18n(): typeof i18n {
  if (i18n.isInitialized) return i18n;
  void i18n.use(initReactI18next).init({
    resources,
    ns: namespaces,
    defaultNS: 'common',
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['zh-CN', 'en'],
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
  const applyToDocument = () => {
    document.documentElement.lang = i18n.language;
    document.title = i18n.t('app:productName');
  };
  applyToDocument();
  i18n.on('languageChanged', applyToDocument);
  return i18n;
}

/** Switches the interface language and remembers it for the next start. */
export async function setLanguage(lng: AppLanguage): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Private mode or storage disabled: the switch still applies to this session.
  }
  await i18n.changeLanguage(lng);
}

/** The current interface language, narrowed to the supported ones. */
export function currentLanguage(): AppLanguage {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isAppLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}
