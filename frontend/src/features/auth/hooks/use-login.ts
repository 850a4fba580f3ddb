import { useMutation } from '@tanstack/react-query';
import { authApi } from '../api';
import { useAuthStore } from '../store';
import type { LoginCredentials, TokenResponse } from '../types';

export function useLogin() {
  const setSession = useAuthStore((s) => s.setSession);
  return useMutation<TokenResponse, Error, LoginCredentials>({
    mutationFn: authApi.login,
    onSuccess: (tokens) => setSession(tokens),
  });
}
