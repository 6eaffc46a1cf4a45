import './app/zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { initI18n } from './i18n';

initI18n();

// Ask the browser not to evict IndexedDB under storage pressure (RELIABILITY-SECURITY.md DUR-10).
// Browsers may refuse or not implement it; the app works either way.
try {
  void navigator.storage
    ?.persist?.()
    .then((granted) => console.info(`[storage] persist ${granted ? 'granted' : 'not granted'}`))
    .catch(() => undefined);
} catch {
  // Ignore: persistence is a request, not a requirement.
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
