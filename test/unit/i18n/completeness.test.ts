import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every namespace file of every language (including those other features add). */
const LOCALES = join(import.meta.dirname, '../../../renderer/src/i18n/locales');
const LANGUAGES = ['zh-CN', 'en'] as const;

function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof tree === 'object' && tree !== null) {
    for (const [k, v] of Object.entries(tree)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'object' && v !== null) for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
      else out.set(key, v);
    }
  }
  return out;
}

function load(lng: string, file: string): Map<string, unknown> {
  return flatten(JSON.parse(readFileSync(join(LOCALES, lng, file), 'utf8')));
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const namespaceFiles = [...new Set(LANGUAGES.flatMap((lng) => readdirSync(join(LOCALES, lng))))].sort();

describe('locale files', () => {
  it('exist for both languages with the same namespaces', () => {
    const zh = readdirSync(join(LOCALES, 'zh-CN')).sort();
    const en = readdirSync(join(LOCALES, 'en')).sort();
    expect(en).toEqual(zh);
    expect(zh).toEqual(
      expect.arrayContaining(['common.json', 'app.json', 'settings.json', 'profile.json', 'workbench.json']),
    );
  });

  describe.each(namespaceFiles)('%s', (file) => {
    const zh = load('zh-CN', file);
    const en = load('en', file);

    it('has exactly the same keys in zh-CN and en', () => {
      expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    });

    it('has no empty or non-string values', () => {
      for (const [lng, map] of [
        ['zh-CN', zh],
        ['en', en],
      ] as const) {
        for (const [key, value] of map) {
          expect(typeof value === 'string' && value.trim() !== '', `${lng}/${file}: ${key}`).toBe(true);
        }
      }
    });

    it('uses the same interpolation variables in both languages', () => {
      for (const [key, zhValue] of zh) {
        const enValue = en.get(key);
        if (typeof zhValue !== 'string' || typeof enValue !== 'string') continue;
        expect(placeholders(enValue), `${file}: ${key}`).toEqual(placeholders(zhValue));
      }
    });
  });
});
