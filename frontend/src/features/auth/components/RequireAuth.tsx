import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { FullScreenMessage } from '@/components/ui/FullScreenMessage';
import { Spinner } from '@/components/ui/Spinner';
import { useTokenRefresh } from '../hooks/use-token-refresh';
import { authSelectors, useAuthStore } from '../store';

/** Sends anonymous visitors to /login and keeps the session's access token fresh. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const isSignedIn = useAuthStore(authSelectors.isSignedIn);
  const hasAccessToken = useAuthStore(authSelectors.hasAccessToken);
  const sessionEnd = useAuthStore(authSelectors.sessionEnd);
  const location = useLocation();
  const refresh = useTokenRefresh();

  if (!isSignedIn) {
    // After a deliberate sign-out the next person starts fresh rather than on this page.
    const state = sessionEnd === 'signed-out' ? undefined : { from: location };
    return <Navigate to="/login" replace state={state} />;
  }
  if (hasAccessToken) return children;

  return (
    <FullScreenMessage>
      {refresh.error ? (
        <>
          <ErrorAlert>Could not restore your session: {refresh.error.message}</ErrorAlert>
          <Button onClick={refresh.retry}>Try again</Button>
        </>
      ) : (
        <Spinner label="Restoring your session…" />
      )}
    </FullScreenMessage>
  );
}
