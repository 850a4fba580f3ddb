import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/Button';
import { Dialog } from '@/components/ui/Dialog';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { SelectField } from '@/components/ui/SelectField';
import { TextField } from '@/components/ui/TextField';
import type { Role } from '@/features/auth/types';
import { ApiError } from '@/lib/api-client';
import { useCreateUser } from '../hooks/use-users';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '../roles';
import type { ManagedUser } from '../types';

type Field = 'email' | 'displayName' | 'role' | 'password';
const FIELDS: readonly Field[] = ['email', 'displayName', 'role', 'password'];

export interface CreateUserDialogProps {
  onCreated: (user: ManagedUser) => void;
  onClose: () => void;
}

/** The API's field errors by field; a taken email is the email field's error too. */
function fieldErrorsOf(error: Error | null): Partial<Record<Field, string>> {
  if (!(error instanceof ApiError)) return {};
  if (error.code === 'USER.EMAIL_TAKEN') return { email: error.message };
  return error.fieldErrors();
}

export function CreateUserDialog({ onCreated, onClose }: CreateUserDialogProps) {
  const createUser = useCreateUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [password, setPassword] = useState('');
  const refs = {
    email: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    role: useRef<HTMLSelectElement>(null),
    password: useRef<HTMLInputElement>(null),
  };
  const errors = fieldErrorsOf(createUser.error);
  const hasFieldErrors = Object.keys(errors).length > 0;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (createUser.isPending) return;
    const name = displayName.trim();
    createUser.mutate(
      { email: email.trim(), password, role, ...(name ? { displayName: name } : {}) },
      {
        onSuccess: onCreated,
        onError: (error) => {
          const fields = fieldErrorsOf(error);
          const first = FIELDS.find((field) => fields[field]);
          if (first) refs[first].current?.focus();
        },
      },
    );
  }

  return (
    <Dialog
      title="Add a user"
      description="They sign in with this email and password; share the password with them safely."
      onClose={onClose}
    >
      <form noValidate onSubmit={handleSubmit} className="space-y-4">
        {createUser.error && (
          <ErrorAlert>
            {hasFieldErrors ? 'Check the fields marked below.' : createUser.error.message}
          </ErrorAlert>
        )}
        <TextField
          ref={refs.email}
          label="Email"
          type="email"
          autoComplete="off"
          value={email}
          error={errors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          ref={refs.displayName}
          label="Display name (optional)"
          autoComplete="off"
          value={displayName}
          error={errors.displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <SelectField
          ref={refs.role}
          label="Role"
          value={role}
          error={errors.role}
          hint={ROLE_DESCRIPTIONS[role]}
          onChange={(event) => setRole(event.target.value as Role)}
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </SelectField>
        <TextField
          ref={refs.password}
          label="Password (at least 10 characters)"
          type="password"
          autoComplete="new-password"
          value={password}
          error={errors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={createUser.isPending}>
            {createUser.isPending ? 'Adding…' : 'Add user'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
