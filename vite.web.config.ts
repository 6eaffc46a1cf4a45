import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './shared/security/csp.ts';

/**
 * The browser build of the renderer: used by `npm run dev:web`, `build:web`, `preview:web` and the
 * e2e suite (Debian Chromium), because this workplace cannot run the Electron binary.
 */

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('./package.json', import.meta.url)), 'utf8')) as {
  version: string;
};

/** The Electron header's policy as a meta tag (shared/security/csp.ts holds the one copy). */
export const WEB_CSP = META_CONTENT_SECURITY_POLICY;

/**
 * Adds the CSP meta tag to built pages only. The dev server cannot run under it: the React plugin
 * injects an inline preamble script for Fast Refresh and Vite's HMR client opens a WebSocket, both of
 * which `script-src 'self'` / `connect-src 'self'` would block.
 */
function cspMetaOnBuild(): Plugin {
  const anchor = '<meta charset="UTF-8" />';
  return {
    name: 'jointdesk-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      // Right after the charset and before any script or stylesheet: a CSP meta tag only governs
      // what comes after it.
      if (!html.includes(anchor)) throw new Error(`index.html lost its ${anchor}; the CSP goes after it`);
      return html.replace(anchor, `${anchor}\n    <meta http-equiv="Content-Security-Policy" content="${WEB_CSP}" />`);
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMetaOnBuild()],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    outDir: '../dist-web',
    emptyOutDir: true,
    // antd + the domain code make one large chunk; that is fine for a local app loaded from disk.
    chunkSizeWarningLimit: 4000,
  },
  preview: {
    port: 5999,
    strictPort: true,
  },
});
