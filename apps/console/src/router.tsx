import { lazy } from 'react';
import { createHashRouter, Navigate, type RouteObject } from 'react-router';

import { AccessGuard } from './components/access-guard';
import { RequireAuth } from './components/require-auth';
import { CONSOLE_ROUTES, HOME_PATH } from './routes/console-routes';
import { RouteError } from './routes/route-error';
import { RouteSuspense } from './routes/route-suspense';

const LoginPage = lazy(() => import('./pages/login'));
const BasicLayout = lazy(() => import('./layouts/basic-layout'));
const NotFoundPage = lazy(() => import('./pages/not-found'));
const RescoreRunPage = lazy(() => import('./pages/rescore-run'));
const AccountPasswordPage = lazy(() => import('./pages/account-password'));

export const consoleRoutes: RouteObject[] = [
  {
    element: <RouteSuspense />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        path: '/',
        element: (
          <RequireAuth>
            <BasicLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <Navigate to={HOME_PATH} replace /> },
          ...CONSOLE_ROUTES.map(({ path, permission, page: Page }) => ({
            path,
            element: (
              <AccessGuard permission={permission}>
                <Page />
              </AccessGuard>
            ),
          })),
          {
            // Not a menu entry: reached from a run's progress (after publishing, on the dashboard).
            path: '/runs/:id',
            element: (
              <AccessGuard permission="canSeeDashboard">
                <RescoreRunPage />
              </AccessGuard>
            ),
          },
          // Every staff member, whatever their role.
          { path: '/account/password', element: <AccountPasswordPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/** Hash routing: the API serves one index.html at /console/ and needs no fallback for deep links. */
export function createConsoleRouter() {
  return createHashRouter(consoleRoutes);
}
