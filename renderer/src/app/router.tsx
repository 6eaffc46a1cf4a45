import { Skeleton } from 'antd';
import { Suspense, lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { createHashRouter } from 'react-router-dom';
import { WorkbenchPage } from '../features/workbench';
import { AppLayout } from './app-layout';
import { NotFoundPage, RouteErrorPage } from './route-error-page';

// The first screen (the workbench) is in the main chunk; every other screen is loaded when first opened,
// so starting the app does not parse the editor, the agenda builder or the ledgers.
const MeetingsPage = lazy(() => import('../features/meetings').then((m) => ({ default: m.MeetingsPage })));
const TopicsPage = lazy(() => import('../features/topics').then((m) => ({ default: m.TopicsPage })));
const DisputesPage = lazy(() => import('../features/disputes').then((m) => ({ default: m.DisputesPage })));
const FollowupPage = lazy(() => import('../features/followup').then((m) => ({ default: m.FollowupPage })));
const UnitsPeoplePage = lazy(() => import('../features/units').then((m) => ({ default: m.UnitsPeoplePage })));
const SettingsPage = lazy(() => import('../features/settings').then((m) => ({ default: m.SettingsPage })));
// Print views are opened by the host (a hidden window or iframe) and bring their own CSS: loaded on demand.
const MinutesPrintPage = lazy(() => import('../features/minutes/print/minutes-print-page'));
// 统计 brings echarts (its own chunk, loaded by the charts): only this route pays for it.
const StatsPage = lazy(() => import('../features/stats/stats-page'));

/** A lazily loaded screen with a skeleton while its code arrives. */
function page(Screen: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<Skeleton active style={{ padding: 24 }} />}>
      <Screen />
    </Suspense>
  );
}

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
      element: page(MinutesPrintPage),
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
            { path: 'meetings/*', element: page(MeetingsPage) },
            { path: 'topics/*', element: page(TopicsPage) },
            { path: 'disputes/*', element: page(DisputesPage) },
            { path: 'followup/*', element: page(FollowupPage) },
            { path: 'units', element: page(UnitsPeoplePage) },
            { path: 'stats', element: page(StatsPage) },
            { path: 'settings', element: page(SettingsPage) },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
