import './app/zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { initI18n } from './i18n';

initI18n();

// Persistent storage (RELIABILITY-SECURITY.md DUR-10) is requested by app/storage-notice.tsx, which tells
// the user plainly when the browser refuses it.

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
