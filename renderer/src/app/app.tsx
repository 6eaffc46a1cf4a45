import { App as AntApp, ConfigProvider } from 'antd';
import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { useAppLanguage } from '../i18n';
import { DataPresenceGate } from './data-presence-gate';
import { DatabaseGate } from './database-gate';
import { ErrorBoundary } from './error-boundary';
import { antdLocale, applyDayjsLocale } from './locale';
import { ProfileGate } from './profile-gate';
import { createAppRouter } from './router';
import { appTheme } from './theme';
// Before global.css, whose overrides of antd's classes win at equal specificity by coming later (theme.ts: zeroRuntime).
import 'antd/dist/antd.css';
import './global.css';

/** The whole renderer: theme and locale, antd's App (message/modal), error boundary, database gate, data-presence gate, profile gate, routes. */
export function App() {
  const lng = useAppLanguage();
  const [router] = useState(createAppRouter);
  // Runs during render so dates in the first paint already use the right locale.
  applyDayjsLocale(lng);

  return (
    <ConfigProvider locale={antdLocale(lng)} theme={appTheme} button={{ autoInsertSpace: false }}>
      <AntApp style={{ height: '100%' }}>
        <ErrorBoundary>
          <DatabaseGate>
            <DataPresenceGate>
              <ProfileGate>
                <RouterProvider router={router} />
              </ProfileGate>
            </DataPresenceGate>
          </DatabaseGate>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
