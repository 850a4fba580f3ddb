import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/EmptyState';
import { LockIcon } from '@/components/ui/icons';
import { PageTitle } from '@/components/ui/PageTitle';
import { homePathForRole } from '@/features/navigation/nav-items';
import { authSelectors, useAuthStore } from '../store';

export function Forbidden() {
  const role = useAuthStore(authSelectors.role);
  return (
    <>
      <PageTitle title="Access denied" />
      <EmptyState title="403 · You do not have access to this page" icon={<LockIcon />}>
        <p>
          Your role{role ? ` (${role})` : ''} does not allow this page. Ask an administrator if you
          need it.
        </p>
        {role && (
          <p className="mt-4">
            <Link to={homePathForRole(role)} className="font-medium text-sky-400 hover:text-sky-300">
              Go to your start page
            </Link>
          </p>
        )}
      </EmptyState>
    </>
  );
}
