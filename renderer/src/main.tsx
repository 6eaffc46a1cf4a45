import './app/zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import i18next from 'i18next';
import { installAriaLocalizer } from './app/localize-aria';
import { initI18n } from './i18n';

initI18n();

// Step buttons and clear buttons of third-party inputs hard-code English names: say them in the UI language.
installAriaLocalizer(document.body, () => ({
  'Increase Value': i18next.t('common:aria.increase'),
  'Decrease Value': i18next.t('common:aria.decrease'),
  Clear: i18next.t('common:aria.clear'),
  clear: i18next.t('common:aria.clear'),
}));

// Persistent storage (RELIABILITY-SECURITY.md DUR-10) is requested by app/storage-notice.tsx, which tells
// the user plainly when the browser refuses it.

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
