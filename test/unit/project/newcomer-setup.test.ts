import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Issue 11 item 16: what a newcomer needs is said where they look. These read the files a newcomer reads
 * (package.json, the README, the web build's config), so a change that breaks the promise fails here.
 */
const root = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const pkg = JSON.parse(readFileSync(root('package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};
const readme = readFileSync(root('README.md'), 'utf8');
const webConfig = readFileSync(root('vite.web.config.ts'), 'utf8');

describe('newcomer set-up (issue 11 item 16)', () => {
  it('engines asks for the Node that Electron 45 and its tooling declare (≥ 22.12)', () => {
    expect(pkg.engines.node).toBe('>=22.12');
  });

  it('the README names Node 22 LTS and how to install without the Electron binary', () => {
    expect(readme).toMatch(/Node\.js 22 LTS/);
    expect(readme).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install');
  });

  it('preview:web takes a port: its script ends in vite preview, so `-- --port N` reaches it, and the README says how', () => {
    expect(pkg.scripts['preview:web']).toMatch(/vite preview --config vite\.web\.config\.ts$/);
    expect(readme).toMatch(/npm run preview:web -- --port \d+/);
  });

  it('the web config imports TypeScript modules with their extension (no Vite "configLoader" warning)', () => {
    const localImports = [...webConfig.matchAll(/from '(\.[^']+)'/g)].map((m) => m[1]!);
    expect(localImports.length).toBeGreaterThan(0);
    for (const spec of localImports) expect(spec).toMatch(/\.(ts|js|json)$/);
  });
});
