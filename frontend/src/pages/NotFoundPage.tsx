import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageTitle } from '@/components/ui/PageTitle';
import { authSelectors, useAuthStore } from '@/features/auth/store';
import { homePathForRole } from '@/features/navigation/nav-items';

export function NotFoundPage() {
  const role = useAuthStore(authSelectors.role);
  return (
    <>
      <PageTitle title="Page not found" />
      <EmptyState title="404 · Page not found">
        <p>There is no page at this address.</p>
        <p className="mt-4">
          <Link to={role ? homePathForRole(role) : '/'} className="font-medium text-sky-400 hover:text-sky-300">
            Go to the start page
          </Link>
        </p>
      </EmptyState>
    </>
  );
}
