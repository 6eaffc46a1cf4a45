import { describe, expect, it } from 'vitest';
import { collectResources } from '../../../renderer/src/i18n/collect-resources';

describe('collectResources', () => {
  it('files ./locales/<lng>/<ns>.json under resources[lng][ns] and lists the namespaces', () => {
    const { resources, namespaces } = collectResources({
      './locales/zh-CN/units.json': { default: { title: '单位与人员' } },
      './locales/en/units.json': { default: { title: 'Units & people' } },
      './locales/zh-CN/common.json': { title: '通用' },
    });
    expect(resources['zh-CN']).toEqual({ units: { title: '单位与人员' }, common: { title: '通用' } });
    expect(resources.en).toEqual({ units: { title: 'Units & people' } });
    expect(namespaces).toEqual(['common', 'units']);
  });

  it('rejects a language the app does not ship', () => {
    expect(() => collectResources({ './locales/fr/common.json': { default: {} } })).toThrow(/unsupported language/);
  });
});
