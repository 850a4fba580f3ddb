export const ROLES = ['admin', 'operator', 'integrator'] as const;
export type Role = (typeof ROLES)[number];

export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export interface LoginCredentials {
  email: string;
  password: string;
}

/** Body of a successful POST /api/auth/login or /api/auth/refresh. */
export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: AuthUser;
}
