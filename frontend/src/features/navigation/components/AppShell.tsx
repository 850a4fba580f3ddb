import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { BrandMark } from '@/components/ui/BrandMark';
import { Spinner } from '@/components/ui/Spinner';
import { useLogout } from '@/features/auth/hooks/use-logout';
import { authSelectors, useAuthStore } from '@/features/auth/store';
import { homePathForRole } from '../nav-items';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';

/** The signed-in frame: top bar with navigation and the user, pages below. */
export function AppShell() {
  const user = useAuthStore(authSelectors.user);
  const handleSignOut = useLogout();
  if (!user) return null;

  return (
    <div className="flex min-h-dvh flex-col bg-slate-950 text-slate-200">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-sky-600 focus:px-3 focus:py-2 focus:text-white"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-slate-800 bg-slate-950/95 backdrop-blur">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2 lg:flex-nowrap">
          <Link
            to={homePathForRole(user.role)}
            className="rounded-md focus-visible:outline-2 focus-visible:outline-sky-400"
          >
            <BrandMark />
          </Link>
          {/* Below lg the navigation wraps onto its own row so tablets keep every item visible. */}
          <div className="order-last w-full min-w-0 lg:order-none lg:w-auto lg:flex-1">
            <MainNav role={user.role} />
          </div>
          <div className="ml-auto min-w-0">
            <UserMenu user={user} onSignOut={handleSignOut} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 focus:outline-none lg:px-6">
        <Suspense fallback={<Spinner label="Loading…" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
