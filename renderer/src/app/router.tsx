import { Skeleton } from 'antd';
import { Suspense, lazy } from 'react';
import { createHashRouter } from 'react-router-dom';
import { DisputesPage } from '../features/disputes';
import { FollowupPage } from '../features/followup';
import { MeetingsPage } from '../features/meetings';
import { SettingsPage } from '../features/settings';
import { TopicsPage } from '../features/topics';
import { UnitsPeoplePage } from '../features/units';
import { WorkbenchPage } from '../features/workbench';
import { AppLayout } from './app-layout';
import { NotFoundPage, RouteErrorPage } from './route-error-page';

// Print views are opened by the host (a hidden window or iframe) and bring their own CSS: loaded on demand.
const MinutesPrintPage = lazy(() => import('../features/minutes/print/minutes-print-page'));
// 统计 brings echarts (its own chunk, loaded by the charts): only this route pays for it.
const StatsPage = lazy(() => import('../features/stats/stats-page'));

/**
 * Hash routing: the app is loaded from a file-like origin (app://, or dist-web on any path), where
 * only the hash survives a reload. A pathless child with its own errorElement keeps the shell (header,
 * navigation) usable when one screen fails to render.
 */
export function createAppRouter() {
  return createHashRouter([
    // Outside the shell: a print view is the document alone (no header, no navigation).
    {
      path: 'print/minutes/:minutesId',
      errorElement: <RouteErrorPage />,
      element: (
        <Suspense fallback={<Skeleton active />}>
          <MinutesPrintPage />
        </Suspense>
      ),
    },
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
            { path: 'followup/*', element: <FollowupPage /> },
            { path: 'units', element: <UnitsPeoplePage /> },
            {
              path: 'stats',
              element: (
                <Suspense fallback={<Skeleton active />}>
                  <StatsPage />
                </Suspense>
              ),
            },
            { path: 'settings', element: <SettingsPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
