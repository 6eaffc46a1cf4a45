import { createHashRouter } from 'react-router-dom';
import { DisputesPage } from '../features/disputes';
import { MeetingsPage } from '../features/meetings';
import { PlaceholderPage } from '../features/placeholders';
import { SettingsPage } from '../features/settings';
import { TopicsPage } from '../features/topics';
import { UnitsPeoplePage } from '../features/units';
import { WorkbenchPage } from '../features/workbench';
import { AppLayout } from './app-layout';
import { NotFoundPage, RouteErrorPage } from './route-error-page';

/**
 * Hash routing: the app is loaded from a file-like origin (app://, or dist-web on any path), where
 * only the hash survives a reload. A pathless child with its own errorElement keeps the shell (header,
 * navigation) usable when one screen fails to render.
 */
export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <AppLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [
            { index: true, element: <WorkbenchPage /> },
            { path: 'meetings/*', element: <MeetingsPage /> },
            { path: 'topics/*', element: <TopicsPage /> },
            { path: 'disputes/*', element: <DisputesPage /> },
            { path: 'followup', element: <PlaceholderPage section="followup" /> },
            { path: 'units', element: <UnitsPeoplePage /> },
            { path: 'stats', element: <PlaceholderPage section="stats" /> },
            { path: 'settings', element: <SettingsPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
