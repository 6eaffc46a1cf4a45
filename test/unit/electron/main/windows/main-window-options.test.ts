import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../../../electron/main/windows/main-window-options';
import { REQUIRED_WEB_PREFERENCES } from './required-web-preferences';

describe('mainWindowOptions', () => {
  it('sets every hardening preference explicitly in production', () => {
    const { webPreferences } = mainWindowOptions('/app/out/preload/index.cjs', false);
    expect(webPreferences).toMatchObject(REQUIRED_WEB_PREFERENCES);
    expect(webPreferences?.devTools).toBe(false);
    expect(webPreferences?.preload).toBe('/app/out/preload/index.cjs');
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(webPreferences).not.toHaveProperty('additionalArguments');
    expect(webPreferences).not.toHaveProperty('partition');
  });

  it('only turns devTools on in development', () => {
    const { webPreferences } = mainWindowOptions('/p.cjs', true);
    expect(webPreferences).toMatchObject(REQUIRED_WEB_PREFERENCES);
    expect(webPreferences?.devTools).toBe(true);
  });

  it('passes bounds through and keeps the window hidden until ready', () => {
    const options = mainWindowOptions('/p.cjs', false, { x: 1, y: 2, width: 1000, height: 700 });
    expect(options).toMatchObject({ x: 1, y: 2, width: 1000, height: 700, show: false });
    expect(options.minWidth).toBeGreaterThan(0);
  });
});
