import { isAppLanguage, type AppLanguage } from './languages';

/** Translation tree of one namespace: nested objects with string leaves. */
export interface NamespaceTree {
  [key: string]: string | NamespaceTree;
}

export type Resources = Record<AppLanguage, Record<string, NamespaceTree>>;

/**
 * Builds i18next resources from `import.meta.glob('./locales/*\/*.json', { eager: true })`:
 * `./locales/<language>/<namespace>.json` → `resources[language][namespace]`. Any feature adds its
 * texts by dropping a namespace file into both language folders; nothing here needs to change.
 */
export function collectResources(modules: Record<string, unknown>): { resources: Resources; namespaces: string[] } {
  const resources: Resources = { 'zh-CN': {}, en: {} };
  const namespaces = new Set<string>();
  for (const [path, mod] of Object.entries(modules)) {
    const m = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!m) throw new Error(`Unexpected locale file path: ${path}`);
    const [, lng, ns] = m as unknown as [string, string, string];
    if (!isAppLanguage(lng)) throw new Error(`Locale file for an unsupported language: ${path}`);
    // Vite's JSON plugin gives the object both as the module and as `default`.
    const tree = (mod as { default?: unknown }).default ?? mod;
    if (typeof tree !== 'object' || tree === null) throw new Error(`Locale file is not an object: ${path}`);
    resources[lng][ns] = tree as NamespaceTree;
    namespaces.add(ns);
  }
  return { resources, namespaces: [...namespaces].sort() };
}
