import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { LoadError } from '@/components/ui/LoadError';
import { SectionHeader } from '@/components/ui/SectionHeader';
import { Spinner } from '@/components/ui/Spinner';
import { authSelectors, useAuthStore } from '@/features/auth/store';
import type { Role } from '@/features/auth/types';
import { useDeleteUser, useUpdateUser, useUsers } from '../hooks/use-users';
import { ROLE_LABELS } from '../roles';
import type { ManagedUser } from '../types';
import { CreateUserDialog } from './CreateUserDialog';
import { UsersTable } from './UsersTable';

/** What the admin asked for and still has to confirm. */
type PendingAction =
  | { kind: 'role'; user: ManagedUser; role: Role }
  | { kind: 'disable'; user: ManagedUser }
  | { kind: 'delete'; user: ManagedUser };

export function UsersSection() {
  const users = useUsers();
  const updateUser = useUpdateUser();
  const deleteUser = useDeleteUser();
  const currentUserId = useAuthStore((s) => authSelectors.user(s)?.id ?? null);
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [enableError, setEnableError] = useState<string | null>(null);

  function handleCreated(user: ManagedUser) {
    setCreating(false);
    setNotice(`${user.email} was added as ${ROLE_LABELS[user.role].toLowerCase()}.`);
  }

  function handleToggleDisabled(user: ManagedUser) {
    if (!user.disabled) {
      setPending({ kind: 'disable', user });
      return;
    }
    setEnableError(null);
    updateUser.mutate(
      { id: user.id, changes: { disabled: false } },
      {
        onSuccess: () => setNotice(`${user.email} can sign in again.`),
        onError: (error) => setEnableError(`Could not enable ${user.email}: ${error.message}`),
      },
    );
  }

  function handleCancel() {
    setPending(null);
    updateUser.reset();
    deleteUser.reset();
  }

  function handleConfirm() {
    if (!pending) return;
    const { user } = pending;
    const done = (message: string) => () => {
      setPending(null);
      setNotice(message);
    };
    if (pending.kind === 'delete') {
      deleteUser.mutate(user.id, { onSuccess: done(`${user.email} was deleted.`) });
    } else if (pending.kind === 'disable') {
      updateUser.mutate(
        { id: user.id, changes: { disabled: true } },
        { onSuccess: done(`${user.email} was disabled and signed out.`) },
      );
    } else {
      updateUser.mutate(
        { id: user.id, changes: { role: pending.role } },
        { onSuccess: done(`${user.email} is now ${ROLE_LABELS[pending.role].toLowerCase()}.`) },
      );
    }
  }

  const confirmError = (pending?.kind === 'delete' ? deleteUser.error : updateUser.error)?.message ?? null;
  const confirmPending = pending?.kind === 'delete' ? deleteUser.isPending : updateUser.isPending;

  return (
    <section aria-labelledby="users-heading" className="space-y-4">
      <SectionHeader
        id="users-heading"
        title="Users"
        description="Who can sign in, and what each role may do."
        action={
          <Button
            onClick={() => {
              setNotice(null);
              setCreating(true);
            }}
          >
            Add user
          </Button>
        }
      />

      <p role="status" className="text-sm text-emerald-300">
        {notice}
      </p>
      {enableError && <ErrorAlert>{enableError}</ErrorAlert>}

      {users.isPending ? (
        <Spinner label="Loading users…" />
      ) : users.isError ? (
        <LoadError onRetry={() => void users.refetch()}>
          Could not load the users: {users.error.message}
        </LoadError>
      ) : (
        <UsersTable
          users={users.data}
          currentUserId={currentUserId}
          onChangeRole={(user, role) => setPending({ kind: 'role', user, role })}
          onToggleDisabled={handleToggleDisabled}
          onDelete={(user) => setPending({ kind: 'delete', user })}
        />
      )}

      {creating && <CreateUserDialog onCreated={handleCreated} onClose={() => setCreating(false)} />}

      {pending?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${pending.user.email}?`}
          confirmLabel="Delete user"
          destructive
          pending={confirmPending}
          error={confirmError}
          onConfirm={handleConfirm}
          onCancel={handleCancel}
        >
          <p>
            The account <strong className="text-slate-100">{pending.user.email}</strong> will be removed and
            signed out everywhere. This cannot be undone; disable the account instead if they may come back.
          </p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'disable' && (
        <ConfirmDialog
          title={`Disable ${pending.user.email}?`}
          confirmLabel="Disable user"
          destructive
          pending={confirmPending}
          error={confirmError}
          onConfirm={handleConfirm}
          onCancel={handleCancel}
        >
          <p>
            <strong className="text-slate-100">{pending.user.email}</strong> will be signed out and cannot sign in
            until you enable the account again.
          </p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'role' && (
        <ConfirmDialog
          title={`Change the role of ${pending.user.email}?`}
          confirmLabel={`Make ${ROLE_LABELS[pending.role].toLowerCase()}`}
          pending={confirmPending}
          error={confirmError}
          onConfirm={handleConfirm}
          onCancel={handleCancel}
        >
          <p>
            <strong className="text-slate-100">{pending.user.email}</strong> goes from{' '}
            {ROLE_LABELS[pending.user.role].toLowerCase()} to {ROLE_LABELS[pending.role].toLowerCase()}. They are
            signed out and get the new role when they sign in again.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
