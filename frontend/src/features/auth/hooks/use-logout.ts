import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { signOut } from '../session';

/** Signs out and drops every cached server response; RequireAuth then shows the login page. */
export function useLogout(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void signOut();
    queryClient.clear();
  }, [queryClient]);
}
