import { Button } from '@/components/ui/Button';
import type { AuthUser } from '@/features/auth/types';

export interface UserMenuProps {
  user: AuthUser;
  onSignOut: () => void;
}

export function UserMenu({ user, onSignOut }: UserMenuProps) {
  return (
    <div className="flex min-w-0 items-center gap-3">
      <div className="hidden min-w-0 text-right sm:block">
        <p className="truncate text-sm text-slate-200" title={user.email}>
          {user.email}
        </p>
        <p className="text-xs capitalize text-slate-500">{user.role}</p>
      </div>
      <Button variant="secondary" onClick={onSignOut}>
        Sign out
      </Button>
    </div>
  );
}
