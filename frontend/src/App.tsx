import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy } from 'react';
import { RouterProvider, type DataRouter, type RouteObject } from 'react-router';
import { RequireAuth } from '@/features/auth/components/RequireAuth';
import { RequireRole } from '@/features/auth/components/RequireRole';
import { AppShell } from '@/features/navigation/components/AppShell';
import { ACCESS } from '@/features/navigation/nav-items';
import { LoginPage } from '@/pages/LoginPage';
import { RouteErrorPage } from '@/pages/RouteErrorPage';

// Everything behind the login is split out so the first load stays small.
const LivePage = lazy(() => import('@/pages/LivePage').then((m) => ({ default: m.LivePage })));
const EventsPage = lazy(() => import('@/pages/EventsPage').then((m) => ({ default: m.EventsPage })));
const DashboardPage = lazy(() =>
  import('@/pages/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const AdminCamerasPage = lazy(() =>
  import('@/pages/AdminCamerasPage').then((m) => ({ default: m.AdminCamerasPage })),
);
const AdminUsersPage = lazy(() =>
  import('@/pages/AdminUsersPage').then((m) => ({ default: m.AdminUsersPage })),
);
const NotFoundPage = lazy(() =>
  import('@/pages/NotFoundPage').then((m) => ({ default: m.NotFoundPage })),
);

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      {
        // Pathless layer so a failing page keeps the top bar around its error.
        errorElement: <RouteErrorPage />,
        children: [
          {
            index: true,
            element: (
              <RequireRole roles={ACCESS.live}>
                <LivePage />
              </RequireRole>
            ),
          },
          {
            path: 'events',
            element: (
              <RequireRole roles={ACCESS.events}>
                <EventsPage />
              </RequireRole>
            ),
          },
          {
            path: 'dashboard',
            element: (
              <RequireRole roles={ACCESS.dashboard}>
                <DashboardPage />
              </RequireRole>
            ),
          },
          {
            path: 'admin/cameras',
            element: (
              <RequireRole roles={ACCESS.adminCameras}>
                <AdminCamerasPage />
              </RequireRole>
            ),
          },
          {
            path: 'admin/users',
            element: (
              <RequireRole roles={ACCESS.adminUsers}>
                <AdminUsersPage />
              </RequireRole>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export interface AppProps {
  router: DataRouter;
  queryClient: QueryClient;
}

export function App({ router, queryClient }: AppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
