import { useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { BrandMark } from '@/components/ui/BrandMark';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { PageTitle } from '@/components/ui/PageTitle';
import { TextField } from '@/components/ui/TextField';
import { useLogin } from '@/features/auth/hooks/use-login';
import { authSelectors, useAuthStore } from '@/features/auth/store';
import { pathAfterLogin } from '@/features/navigation/nav-items';
import { ApiError, ErrorCodes } from '@/lib/api-client';

interface FieldErrors {
  email?: string;
  password?: string;
}

function validate(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (email.trim() === '') errors.email = 'Enter your email address.';
  if (password === '') errors.password = 'Enter your password.';
  return errors;
}

function describeError(error: Error): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  if (error.code === ErrorCodes.RATE_LIMITED && error.retryAfterSeconds !== undefined) {
    return `${error.message} You can try again in ${error.retryAfterSeconds} s.`;
  }
  return error.message;
}

export function LoginPage() {
  const location = useLocation();
  const isSignedIn = useAuthStore(authSelectors.isSignedIn);
  const role = useAuthStore(authSelectors.role);
  const sessionEnd = useAuthStore(authSelectors.sessionEnd);
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  if (isSignedIn && role) {
    const from: unknown = (location.state as { from?: unknown } | null)?.from;
    return <Navigate to={pathAfterLogin(role, from)} replace />;
  }

  const serverErrors = login.error instanceof ApiError ? login.error.fieldErrors() : {};
  const emailError = clientErrors.email ?? serverErrors.email;
  const passwordError = clientErrors.password ?? serverErrors.password;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (login.isPending) return;
    const errors = validate(email, password);
    setClientErrors(errors);
    if (errors.email || errors.password) {
      (errors.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    login.mutate(
      { email: email.trim(), password },
      {
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          if (error.code === ErrorCodes.INVALID_CREDENTIALS) {
            setPassword('');
            passwordRef.current?.focus();
            return;
          }
          const fields = error.fieldErrors();
          if (fields.email) emailRef.current?.focus();
          else if (fields.password) passwordRef.current?.focus();
        },
      },
    );
  }

  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-950 px-4 py-12">
      <PageTitle title="Sign in" />
      <div className="w-full max-w-sm">
        <div className="mb-8 flex justify-center">
          <BrandMark />
        </div>
        <div className="rounded-lg border border-slate-800 bg-slate-900 p-6 shadow-xl shadow-black/40">
          <h1 className="mb-1 text-lg font-semibold text-slate-100">Sign in</h1>
          <p className="mb-6 text-sm text-slate-400">Use the account your administrator gave you.</p>
          <form noValidate onSubmit={handleSubmit} className="space-y-4" aria-busy={login.isPending}>
            {login.error && <ErrorAlert>{describeError(login.error)}</ErrorAlert>}
            {!login.error && sessionEnd === 'expired' && (
              <p
                role="status"
                className="rounded-md border border-amber-500/40 bg-amber-950/40 px-3 py-2 text-sm text-amber-200"
              >
                Your session has ended. Sign in again to continue.
              </p>
            )}
            <TextField
              ref={emailRef}
              label="Email"
              name="email"
              type="email"
              inputMode="email"
              autoComplete="username"
              spellCheck={false}
              autoFocus
              required
              readOnly={login.isPending}
              value={email}
              onChange={(event) => {
                setEmail(event.target.value);
                setClientErrors((errors) => ({ ...errors, email: undefined }));
              }}
              error={emailError}
            />
            <TextField
              ref={passwordRef}
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              readOnly={login.isPending}
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
                setClientErrors((errors) => ({ ...errors, password: undefined }));
              }}
              error={passwordError}
            />
            <Button type="submit" disabled={login.isPending} className="w-full">
              {login.isPending ? 'Signing in…' : 'Sign in'}
            </Button>
          </form>
        </div>
      </div>
    </main>
  );
}
