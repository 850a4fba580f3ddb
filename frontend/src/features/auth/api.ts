import { apiClient } from '@/lib/api-client';
import type { AuthUser, LoginCredentials, TokenResponse } from './types';

export const authApi = {
  login: (credentials: LoginCredentials) =>
    apiClient.post<TokenResponse>('/auth/login', credentials, { skipAuth: true }),
  refresh: (refreshToken: string) =>
    apiClient.post<TokenResponse>('/auth/refresh', { refreshToken }, { skipAuth: true }),
  logout: (refreshToken: string) =>
    apiClient.post<void>('/auth/logout', { refreshToken }, { skipAuth: true }),
  me: () => apiClient.get<AuthUser>('/auth/me'),
};
