import { Button } from '@/components/ui/Button';
import { DataTable } from '@/components/ui/DataTable';
import type { Role } from '@/features/auth/types';
import { ROLE_LABELS, ROLES } from '../roles';
import type { ManagedUser } from '../types';

export interface UsersTableProps {
  users: ManagedUser[];
  /** The signed-in admin: their own row cannot be demoted, disabled or deleted from here. */
  currentUserId: string | null;
  onChangeRole: (user: ManagedUser, role: Role) => void;
  onToggleDisabled: (user: ManagedUser) => void;
  onDelete: (user: ManagedUser) => void;
}

const createdFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function UsersTable({ users, currentUserId, onChangeRole, onToggleDisabled, onDelete }: UsersTableProps) {
  return (
    <DataTable
      caption="Users"
      className="min-w-[42rem]"
      columns={['User', 'Role', 'Status', 'Created', { label: 'Actions', align: 'right' }]}
    >
      {users.map((user) => {
        const isSelf = user.id === currentUserId;
        return (
          <tr key={user.id} data-testid="user-row" className={user.disabled ? 'text-slate-500' : ''}>
            <th scope="row" className="px-3 py-2 text-left font-normal">
              <span className="block font-medium text-slate-100">
                {user.email}
                {isSelf && <span className="ml-2 rounded bg-slate-800 px-1.5 py-0.5 text-xs text-slate-300">you</span>}
              </span>
              {user.displayName && <span className="block text-xs text-slate-400">{user.displayName}</span>}
            </th>
            <td className="px-3 py-2">
              <select
                aria-label={`Role of ${user.email}`}
                value={user.role}
                disabled={isSelf}
                title={isSelf ? 'You cannot change your own role.' : undefined}
                onChange={(event) => onChangeRole(user, event.target.value as Role)}
                className="rounded-md border border-slate-700 bg-slate-950 px-2 py-1.5 text-sm text-slate-100 focus:border-sky-500 focus:outline-2 focus:outline-sky-500/40 disabled:opacity-60"
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            </td>
            <td className="px-3 py-2">
              {user.disabled ? (
                <span className="rounded-full bg-slate-800 px-2 py-0.5 text-xs text-slate-400">Disabled</span>
              ) : (
                <span className="rounded-full bg-emerald-950 px-2 py-0.5 text-xs text-emerald-300">Active</span>
              )}
            </td>
            <td className="px-3 py-2 whitespace-nowrap text-slate-400">
              <time dateTime={user.createdAt}>{createdFormat.format(new Date(user.createdAt))}</time>
            </td>
            <td className="px-3 py-2">
              <div className="flex justify-end gap-2">
                <Button
                  variant="secondary"
                  className="px-2.5! py-1.5! text-xs! disabled:opacity-50"
                  disabled={isSelf}
                  aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}
                  onClick={() => onToggleDisabled(user)}
                >
                  {user.disabled ? 'Enable' : 'Disable'}
                </Button>
                <Button
                  variant="secondary"
                  className="px-2.5! py-1.5! text-xs! text-rose-300! disabled:opacity-50"
                  disabled={isSelf}
                  aria-label={`Delete ${user.email}`}
                  onClick={() => onDelete(user)}
                >
                  Delete
                </Button>
              </div>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
