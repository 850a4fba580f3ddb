import type { ReactNode } from 'react';
import { authSelectors, useAuthStore } from '../store';
import type { Role } from '../types';
import { Forbidden } from './Forbidden';

export interface RequireRoleProps {
  roles: readonly Role[];
  children: ReactNode;
}

/** Shows a 403 page instead of the children when the user's role is not in `roles`. */
export function RequireRole({ roles, children }: RequireRoleProps) {
  const role = useAuthStore(authSelectors.role);
  if (role === null || !roles.includes(role)) return <Forbidden />;
  return children;
}
