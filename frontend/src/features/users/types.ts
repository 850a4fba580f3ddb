import type { Role } from '@/features/auth/types';

/** A user account as GET /api/users lists it. */
export interface ManagedUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

/** Body of POST /api/users. */
export interface NewUser {
  email: string;
  password: string;
  role: Role;
  displayName?: string;
}

/** Body of PATCH /api/users/:id; omitted fields stay. */
export interface UserChanges {
  role?: Role;
  displayName?: string;
  password?: string;
  disabled?: boolean;
}
